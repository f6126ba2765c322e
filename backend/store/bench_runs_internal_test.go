package store

import (
	"fmt"
	"strings"
	"time"

	"github.com/affdesk/affdesk/backend/core"
	bolt "go.etcd.io/bbolt"
)

// benchStatuses is the mix of outcomes a generated history has: mostly
// completed, some with errors or failed, a few stopped or cancelled.
var benchStatuses = []core.RunStatus{core.RunCompleted, core.RunCompleted, core.RunCompleted, core.RunCompleted,
	core.RunCompleted, core.RunCompletedErrors, core.RunFailed, core.RunStopped, core.RunCompleted, core.RunCancelled}

// benchRun returns a realistic run of one of 20 automations: a Get with
// picked fields, a condition and an edit, each with its request record.
func benchRun(i int, start time.Time) core.Run {
	auto := uint64(i%20 + 1)
	st := benchStatuses[i%len(benchStatuses)]
	snap := core.Automation{ID: auto, Name: fmt.Sprintf("Payout guard %d", auto), Trigger: core.Trigger{Kind: "manual"},
		Steps: []core.Step{{ID: "s1", Kind: core.StepActionGet, TemplateID: 1, Values: map[string]string{"offer_id": "{offer}"}},
			{ID: "s2", Kind: core.StepCondition, Match: "all"},
			{ID: "s3", Kind: core.StepActionEdit, TemplateID: 2, Values: map[string]string{"payout": "{new_payout}"}}}}
	rec := func(method, body string) []core.HTTPRecord {
		return []core.HTTPRecord{{Method: method, URL: fmt.Sprintf("https://api.example.test/3.0/offers/%d", 1000+i%500),
			Headers: []core.Header{{Name: "X-Eflow-API-Key", Value: "••••"}}, Body: body, Status: 200, DurationMs: 180,
			Size: 740, Attempts: 1, Response: `{"network_offer_id":1234,"name":"Summer promo","payout":` + strings.Repeat("1", 8) + `,"status":"active","currency":"USD","visibility":"public"}`,
			Outcome: core.OutcomeSent}}
	}
	steps := []core.StepResult{
		{StepID: "s1", Label: "1", Name: "Get offer", Kind: core.StepActionGet, Status: core.StepOK, StartedAt: start,
			DurationMs: 180, Requests: rec("GET", ""), Set: map[string]string{"payout": "12.50", "status": "active"}},
		{StepID: "s2", Label: "2", Name: "Payout above floor", Kind: core.StepCondition, Status: core.StepOK, StartedAt: start},
		{StepID: "s3", Label: "3", Name: "Lower payout", Kind: core.StepActionEdit, Status: core.StepOK, StartedAt: start,
			DurationMs: 210, Requests: rec("PUT", `{"payout":11.25,"payout_type":"cpa"}`)},
	}
	r := core.Run{ID: uint64(i + 1), AutomationID: auto, AutomationName: snap.Name, Trigger: "schedule", Status: st,
		StartedAt: start, FinishedAt: start.Add(400 * time.Millisecond), DurationMs: 400, Steps: steps,
		Variables: map[string]string{"offer": "1234", "payout": "12.50", "new_payout": "11.25"}, Snapshot: snap}
	if st == core.RunFailed || st == core.RunCompletedErrors {
		r.Error = "Step 3 (Lower payout) failed: the tracker answered 422: payout must be positive."
	}
	return r
}

// generateRunsForBench stores n runs, started a minute apart and ending
// at end, in transactions of 10,000: documents and their summaries are
// written directly, without the per-run fsync SaveRun pays.
func generateRunsForBench(db *DB, n int, end time.Time) error {
	start := end.Add(-time.Duration(n) * time.Minute)
	for from := 0; from < n; from += 10000 {
		err := db.bolt.Update(func(tx *bolt.Tx) error {
			b := tx.Bucket(bucketRuns)
			for i := from; i < n && i < from+10000; i++ {
				r := benchRun(i, start.Add(time.Duration(i)*time.Minute))
				if err := writeRunDoc(tx, &r); err != nil {
					return err
				}
			}
			return b.SetSequence(uint64(min(n, from+10000)))
		})
		if err != nil {
			return err
		}
	}
	return nil
}
