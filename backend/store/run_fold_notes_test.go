package store_test

import (
	"strings"
	"testing"
	"time"

	"github.com/affdesk/affdesk/backend/core"
)

// journaled is one write of a loop item as the journal holds it; an
// empty outcome leaves it in flight.
type journaled struct {
	label   string
	values  map[string]string
	outcome string
	status  int
	err     string
}

// crashMidLoop stores a run (a dry run when dry) stopped in a top-level
// loop with one item whose write w was journaled, reopens the data file
// as the app does after a crash, and returns the run and its one item.
func crashMidLoop(t *testing.T, dry bool, w journaled) (core.Run, core.Iteration) {
	t.Helper()
	dir := t.TempDir()
	db := MustOpen(t, dir)
	r := core.Run{Status: core.RunRunning, DryRun: dry, StartedAt: fixed,
		Snapshot: core.Automation{Steps: []core.Step{{ID: "s1", Kind: core.StepForEach}}}}
	if err := db.SaveRun(&r); err != nil {
		t.Fatal(err)
	}
	e := core.WriteEntry{RunID: r.ID, Step: "1.1", Item: 3, ItemLabel: w.label, Kind: "request", Method: "PUT",
		URL: "/offers/{ActionId}", Values: w.values}
	if err := db.BeginWrite(&e); err != nil {
		t.Fatal(err)
	}
	if w.outcome != "" {
		e.Outcome, e.Status, e.Error = w.outcome, w.status, w.err
		if err := db.EndWrite(e); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	db = MustOpen(t, dir)
	if n, err := db.MarkInterrupted(fixed.Add(time.Minute)); err != nil || n != 1 {
		t.Fatalf("interrupted %d, %v", n, err)
	}
	got, err := db.GetRun(r.ID)
	if err != nil {
		t.Fatal(err)
	}
	page, err := db.ListItems(core.ItemFilter{RunID: r.ID, Step: "1", Limit: 10})
	if err != nil || len(page.Items) != 1 {
		t.Fatalf("items %+v, %v", page.Items, err)
	}
	return got, page.Items[0]
}

// TestRebuiltItemTellsWhatItWroteAndHowItEnded proves that an item
// rebuilt from the journal after a crash names the record it wrote (its
// preview, else its values), keeps the values it was sent with, says
// that AffDesk stopped during it, and has the status its write proves:
// sent is ok with that note, unknown stays unknown, not sent or refused
// is failed, and a dry run's held-back write is no failure.
func TestRebuiltItemTellsWhatItWroteAndHowItEnded(t *testing.T) {
	offer := map[string]string{"ActionId": "O-7731", "Payout": "12.50"}
	tests := []struct {
		name       string
		dry        bool
		w          journaled
		wantStatus string
		wantItem   string // the item's preview holds it
		wantError  string // the item's note holds it
		wantCounts core.ItemCounts
		notSent    bool // the request reads as held back by a dry run
	}{
		{"sent, with its preview", false, journaled{label: "Id O-7731", values: offer, outcome: core.OutcomeSent, status: 200},
			core.StepOK, "Id O-7731", "stopped during this item", core.ItemCounts{Total: 1, Succeeded: 1}, false},
		{"sent, named by its values", false, journaled{values: offer, outcome: core.OutcomeSent, status: 200},
			core.StepOK, "O-7731", "steps after this write may not have run", core.ItemCounts{Total: 1, Succeeded: 1}, false},
		{"refused", false, journaled{label: "Id 9", values: offer, outcome: core.OutcomeSent, status: 422, err: "Payout too low."},
			core.StepFailed, "Id 9", "Payout too low. AffDesk stopped", core.ItemCounts{Total: 1, Failed: 1}, false},
		{"not sent", false, journaled{label: "Id 9", values: offer, outcome: core.OutcomeNotSent, status: 429},
			core.StepFailed, "Id 9", "The write was not sent.", core.ItemCounts{Total: 1, Failed: 1}, false},
		{"in flight", false, journaled{label: "Id 9", values: offer},
			core.StepUnknown, "Id 9", "check in the tracker", core.ItemCounts{Total: 1, Unknown: 1}, false},
		{"dry run, held back", true, journaled{label: "Id 9", values: offer, outcome: core.OutcomeNotSent},
			core.StepOK, "Id 9", "stopped during this item", core.ItemCounts{Total: 1, Succeeded: 1}, true},
		{"dry run, in flight", true, journaled{label: "Id 9", values: offer},
			core.StepOK, "Id 9", "stopped during this item", core.ItemCounts{Total: 1, Succeeded: 1}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			run, it := crashMidLoop(t, tt.dry, tt.w)
			if it.Status != tt.wantStatus || !strings.Contains(it.Item, tt.wantItem) || !strings.Contains(it.Error, tt.wantError) {
				t.Errorf("item %q status %s note %q; want %q, %s, %q", it.Item, it.Status, it.Error, tt.wantItem, tt.wantStatus, tt.wantError)
			}
			if len(it.Steps) != 1 || it.Steps[0].Values["ActionId"] != "O-7731" || it.Steps[0].Values["Payout"] != "12.50" {
				t.Errorf("the journal's values are not in the record: %+v", it.Steps)
			}
			if rq := it.Steps[0].Requests; len(rq) != 1 || rq[0].NotSent != tt.notSent {
				t.Errorf("requests %+v, want held back %v", rq, tt.notSent)
			}
			if c := run.Steps[0].Items; c == nil || *c != tt.wantCounts {
				t.Errorf("counts %+v, want %+v", c, tt.wantCounts)
			}
			if tt.dry && (strings.Contains(run.Error, "unknown") || run.Writes.Unknown != 0 || run.Writes.NotSent != 1) {
				t.Errorf("a dry run's write reads as possibly applied: %q, %+v", run.Error, run.Writes)
			}
		})
	}
}
