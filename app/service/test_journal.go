package service

import (
	"cmp"
	"fmt"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/request"
)

// TriggerTest marks a run that records a write sent from a template's
// Test panel: a Test write is kept in Runs & Logs like any run's write.
const TriggerTest = "test"

// testStepID is the one step of a Test write's run.
const testStepID = "test"

// beginTestWrite records a Test write before it is sent: a run of its own
// ("Test: <template>") and the write's intent in its journal, both on disk
// before the call. An error means the write must not be sent.
func (s *Services) beginTestWrite(t core.ActionTemplate, values map[string]string) (*core.Run, core.WriteEntry, error) {
	now := s.Now().UTC()
	step := core.Step{ID: testStepID, Name: t.Name, Kind: actionKind(t), TemplateID: t.ID, Values: values}
	run := &core.Run{AutomationName: "Test: " + t.Name, Trigger: TriggerTest, Status: core.RunRunning, StartedAt: now,
		Snapshot: core.Automation{Name: "Test: " + t.Name, Steps: []core.Step{step}}, Steps: []core.StepResult{}}
	if err := s.DB.SaveRun(run); err != nil {
		return nil, core.WriteEntry{}, core.Errorf(core.EUNAVAILABLE, "The test write could not be recorded before sending, so it was not sent: %v.", err)
	}
	w := core.WriteEntry{RunID: run.ID, Step: "1", Kind: "request", Method: t.Method, URL: t.Path, Values: values, At: now}
	if err := s.DB.BeginWrite(&w); err != nil {
		_ = s.finishTestRun(run, core.StepResult{Status: core.StepFailed, Error: err.Error()}, core.RunFailed) // nothing was sent
		return nil, w, core.Errorf(core.EUNAVAILABLE, "The test write could not be recorded before sending, so it was not sent: %v.", err)
	}
	return run, w, nil
}

// endTestWrite records what became of a Test write: its outcome in the
// journal, and the run's one step with the (masked) requests sent.
func (s *Services) endTestWrite(run *core.Run, w core.WriteEntry, res *request.Result, out *TestResult) {
	out.RunID = run.ID
	w.Outcome, w.At = testOutcome(out), s.Now().UTC()
	w.Status, w.Error = out.Status, cmp.Or(out.Error, out.TrackerError)
	if n := len(out.Exchanges); w.Status == 0 && n > 0 {
		w.Status = out.Exchanges[n-1].Status
	}
	step := core.StepResult{Status: core.StepOK, Error: w.Error}
	if res != nil {
		step.Requests = httpRecords(res.Exchanges)
	}
	stepStatus, status := testStatus(w, out.Status)
	step.Status = stepStatus
	if err := s.DB.EndWrite(w); err != nil {
		step.Warnings = append(step.Warnings, "The outcome of this write could not be recorded: "+err.Error())
	}
	if err := s.finishTestRun(run, step, status); err != nil {
		out.Warnings = append(out.Warnings, fmt.Sprintf("Run #%d, which records this write, could not be completed (%v): Runs & Logs shows it as interrupted after the next start; its write and outcome are recorded.", run.ID, err))
	}
}

// testStatus is the step's and the run's status for a write's outcome, as
// the engine gives them: an unknown outcome is shown as unknown, never as
// a failure that reads as not applied.
func testStatus(w core.WriteEntry, status int) (string, core.RunStatus) {
	switch {
	case w.Outcome == core.OutcomeUnknown:
		return core.StepUnknown, core.RunFailed
	case w.Outcome != core.OutcomeSent || w.Error != "" || status >= 400:
		return core.StepFailed, core.RunFailed
	}
	return core.StepOK, core.RunCompleted
}

// finishTestRun completes the run with its one step.
func (s *Services) finishTestRun(run *core.Run, step core.StepResult, status core.RunStatus) error {
	step.StepID, step.Label, step.Name, step.Kind = testStepID, "1", run.Snapshot.Steps[0].Name, run.Snapshot.Steps[0].Kind
	step.StartedAt = run.StartedAt
	run.FinishedAt = s.Now().UTC()
	run.DurationMs = run.FinishedAt.Sub(run.StartedAt).Milliseconds()
	step.DurationMs = run.DurationMs
	run.Steps, run.Status, run.Error = []core.StepResult{step}, status, step.Error
	return s.DB.SaveRun(run)
}

// testOutcome is the write's outcome as the request engine judged it; a
// call that sent nothing is not sent.
func testOutcome(out *TestResult) string {
	if out.Outcome != "" {
		return out.Outcome
	}
	if len(out.Exchanges) == 0 {
		return core.OutcomeNotSent
	}
	return core.OutcomeUnknown
}

// actionKind is the step kind a template's method makes.
func actionKind(t core.ActionTemplate) core.StepKind {
	switch t.Kind {
	case core.KindEdit:
		return core.StepActionEdit
	case core.KindAdd:
		return core.StepActionAdd
	}
	return core.StepActionGet
}
