package service

import "github.com/affdesk/affdesk/backend/core"

// scrubRunHistory masks the literal webhook credentials that runs recorded
// before the secret store kept them: in each run's snapshot of its
// automation and in the headers of its webhook records (loop items
// included). It returns how many runs it changed.
func (s *Services) scrubRunHistory() (int, error) {
	return s.DB.RewriteRuns(func(r *core.Run) bool {
		changed := false
		mapWebhookHeaders(&r.Snapshot, func(_ *core.Step, h *core.Header) {
			if literalSecret(*h) {
				h.Value, changed = shownValue(h.Value), true
			}
		})
		for i := range r.Steps {
			changed = scrubStepRecords(&r.Steps[i]) || changed
		}
		return changed
	})
}

// scrubStepRecords masks credential header values in a step's request
// records and in those of its loop items.
func scrubStepRecords(st *core.StepResult) bool {
	changed := false
	for i := range st.Requests {
		for j, h := range st.Requests[i].Headers {
			if CredentialHeader(h.Name) && h.Value != "" && h.Value != shownValue(h.Value) {
				st.Requests[i].Headers[j].Value, changed = shownValue(h.Value), true
			}
		}
	}
	for i := range st.Iterations {
		for j := range st.Iterations[i].Steps {
			changed = scrubStepRecords(&st.Iterations[i].Steps[j]) || changed
		}
	}
	return changed
}
