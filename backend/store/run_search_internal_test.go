package store

import (
	"testing"

	"github.com/affdesk/affdesk/backend/core"
)

// TestRunSearchPreChecksValuesOnly proves the byte check of a stored
// summary reads the values a search matches (name, trigger, error, the
// status), never the JSON's keys, so a query such as "at" or "status"
// decodes no run it does not match; and that it never turns away a run
// the decoded summary matches.
func TestRunSearchPreChecksValuesOnly(t *testing.T) {
	plain := core.Run{ID: 7, AutomationID: 3, AutomationName: "Payout guard 3", Trigger: "schedule", Status: core.RunCompleted,
		StartedAt: t0, FinishedAt: t0, Waiting: &core.Waiting{StepID: "s2", Message: "Approve?", Next: []string{"3. Lower"}}}
	failed := plain
	failed.Status, failed.Error = core.RunCompletedErrors, "Step 2: HTTP 401 <Unauthorized>"
	foreign := plain
	foreign.AutomationName = "Révérse « fraud »"
	tests := []struct {
		name  string
		run   core.Run
		query string
		want  bool
	}{
		{"a key's letters", plain, "at", false},
		{"the status key", plain, "status", false},
		{"the name key", plain, "automationName", false},
		{"a time key", plain, "startedAt", false},
		{"a nested key", plain, "message", false},
		{"the error key, no error", plain, "error", false},
		{"a date in the JSON", plain, "2026", false},
		{"the name", plain, "GUARD 3", true},
		{"the trigger", plain, "sched", true},
		{"the status", plain, "complet", true},
		{"the status in words", failed, "with errors", true},
		{"the error", failed, "http 401", true},
		{"an escaped character: decoded to tell", failed, "<unauthorized>", true},
		{"non-ASCII, any case", foreign, "RÉVÉRSE «", true},
		{"non-ASCII, no match", foreign, "révérsé", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := encodeSummary(&tt.run)
			if err != nil {
				t.Fatal(err)
			}
			h, at, err := decodeHeader(v)
			if err != nil {
				t.Fatal(err)
			}
			q := newRunQuery(core.RunFilter{Query: tt.query})
			got := q.maybe(h, v[at:])
			if got != tt.want {
				t.Errorf("maybe(%q) = %v, want %v", tt.query, got, tt.want)
			}
			if r, _ := decodeSummary(v); q.matches(r) && !got {
				t.Errorf("%q matches the run but the byte check turned it away", tt.query)
			}
		})
	}
}

// TestRunSearchIsBoundedAndGoesOn proves a search returns at most
// core.MaxRunSearch runs (a Limit of 0 included), reads at most its
// budget of summaries per call, and says where it stopped, so calling
// again from there (Before: Next) searches older runs until none is
// left; a listing without a search is not cut short.
func TestRunSearchIsBoundedAndGoesOn(t *testing.T) {
	db, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := generateRunsForBench(db, 250, t0); err != nil {
		t.Fatal(err)
	}
	old, err := db.GetRun(2)
	if err != nil {
		t.Fatal(err)
	}
	old.Error = "Needle in an old run"
	if err := db.SaveRun(&old); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name        string
		budget      int
		f           core.RunFilter
		wantRuns    int
		wantFirst   uint64
		wantNext    uint64
		wantPartial bool
	}{
		{"no match: stops at its budget", 100, core.RunFilter{Query: "nothing like it"}, 0, 0, 151, true},
		{"no match: goes on", 100, core.RunFilter{Query: "nothing like it", Before: 151}, 0, 0, 51, true},
		{"no match: reaches the oldest", 100, core.RunFilter{Query: "nothing like it", Before: 51}, 0, 0, 0, false},
		{"an old match: not within the budget", 100, core.RunFilter{Query: "needle"}, 0, 0, 151, true},
		{"an old match: found searching on", 100, core.RunFilter{Query: "needle", Before: 51}, 1, 2, 0, false},
		{"limit 0 is the cap", 1000, core.RunFilter{Query: "payout guard"}, core.MaxRunSearch, 250, 51, false},
		{"a limit above the cap", 1000, core.RunFilter{Query: "payout guard", Limit: 500}, core.MaxRunSearch, 250, 51, false},
		{"a limit below", 1000, core.RunFilter{Query: "payout guard", Limit: 3}, 3, 250, 248, false},
		{"the page fills before the budget ends", 10, core.RunFilter{Query: "payout guard", Limit: 10}, 10, 250, 241, false},
		{"a full page with no older run", 1000, core.RunFilter{Query: "payout guard", Before: 3}, 2, 2, 0, false},
		{"no search: no budget", 10, core.RunFilter{}, 250, 250, 0, false},
		{"no search: a limit", 10, core.RunFilter{Limit: 20, Before: 100}, 20, 99, 80, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db.searchBudget = tt.budget
			page, err := db.ListRunsPage(tt.f)
			if err != nil {
				t.Fatal(err)
			}
			first := uint64(0)
			if len(page.Runs) > 0 {
				first = page.Runs[0].ID
			}
			if len(page.Runs) != tt.wantRuns || first != tt.wantFirst || page.Next != tt.wantNext || page.Partial != tt.wantPartial {
				t.Errorf("%d runs from %d, next %d, partial %v; want %d from %d, next %d, partial %v",
					len(page.Runs), first, page.Next, page.Partial, tt.wantRuns, tt.wantFirst, tt.wantNext, tt.wantPartial)
			}
		})
	}
}

// TestRunSearchBudgetDefault proves a file opened as the app opens it
// searches with core.RunSearchBudget: 300 runs, well within it, are all
// read in one call.
func TestRunSearchBudgetDefault(t *testing.T) {
	db, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := generateRunsForBench(db, 300, t0); err != nil {
		t.Fatal(err)
	}
	page, err := db.ListRunsPage(core.RunFilter{Query: "payout guard 1"})
	if err != nil || page.Next != 0 || page.Partial || len(page.Runs) != 165 {
		t.Errorf("%d runs, next %d, partial %v, %v; want the 165 runs of automations 1 and 10-19, and no older run left",
			len(page.Runs), page.Next, page.Partial, err)
	}
}
