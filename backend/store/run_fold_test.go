package store_test

import (
	"strings"
	"testing"
	"time"

	"github.com/affdesk/affdesk/backend/core"
)

// TestInterruptedRunRebuildsUnstoredItemsFromJournal proves that a loop
// whose last items were not yet stored (items are stored in batches)
// still lists every item with a write in the journal after a crash, each
// with the status its writes prove, and that writes of an earlier loop
// are not folded into the loop in progress.
func TestInterruptedRunRebuildsUnstoredItemsFromJournal(t *testing.T) {
	dir := t.TempDir()
	db := MustOpen(t, dir)
	r := core.Run{Status: core.RunRunning, StartedAt: fixed, Steps: []core.StepResult{{StepID: "s1", Label: "1", Status: core.StepOK}},
		Snapshot: core.Automation{Steps: []core.Step{{ID: "s1", Kind: core.StepForEach}, {ID: "s2", Kind: core.StepForEach}}}}
	if err := db.SaveRun(&r); err != nil {
		t.Fatal(err)
	}
	writes := []struct {
		step, outcome string
		item, status  int
		err           string
	}{
		{"1.1", core.OutcomeSent, 9, 200, ""},                // the finished loop before: not folded
		{"2.1", core.OutcomeSent, 1, 200, ""},                // stored below: kept as stored
		{"2.1", core.OutcomeSent, 2, 200, ""},                // succeeded, not stored
		{"2.1", core.OutcomeSent, 3, 422, "Payout too low."}, // refused
		{"2.1", core.OutcomeNotSent, 4, 429, ""},             // never applied
		{"2.1", core.OutcomeSent, 5, 200, ""},                // first write of item 5 ...
		{"2.2", "", 5, 0, ""},                                // ... its second in flight
	}
	for _, w := range writes {
		e := core.WriteEntry{RunID: r.ID, Step: w.step, Item: w.item, Kind: "request", Method: "PUT", URL: "/offers"}
		if err := db.BeginWrite(&e); err != nil {
			t.Fatal(err)
		}
		if w.outcome == "" {
			continue
		}
		e.Outcome, e.Status, e.Error = w.outcome, w.status, w.err
		if err := db.EndWrite(e); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.SaveItems(r.ID, "2", []core.Iteration{{Index: 1, Item: "offer 1", Status: core.StepOK}}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db = MustOpen(t, dir)
	if n, err := db.MarkInterrupted(fixed.Add(time.Minute)); err != nil || n != 1 {
		t.Fatalf("interrupted %d, %v", n, err)
	}
	got, _ := db.GetRun(r.ID)
	if c := got.Steps[1].Items; c == nil || *c != (core.ItemCounts{Total: 5, Succeeded: 2, Failed: 2, Unknown: 1}) {
		t.Fatalf("counts %+v", c)
	}
	page, _ := db.ListItems(core.ItemFilter{RunID: r.ID, Step: "2", Limit: 10})
	want := []string{core.StepOK, core.StepOK, core.StepFailed, core.StepFailed, core.StepUnknown}
	for i, it := range page.Items {
		if it.Index != i+1 || it.Status != want[i] {
			t.Errorf("item %d: index %d status %s, want %s", i+1, it.Index, it.Status, want[i])
		}
	}
	if it := page.Items[0]; it.Item != "offer 1" {
		t.Errorf("stored item 1 replaced: %+v", it)
	}
	if it := page.Items[2]; !strings.HasPrefix(it.Error, "Payout too low. AffDesk stopped") || it.Steps[0].Requests[0].Status != 422 {
		t.Errorf("refused item %+v", it)
	}
	if it := page.Items[4]; len(it.Steps) != 2 || it.Steps[1].Requests[0].Outcome != core.OutcomeUnknown {
		t.Errorf("item with a write in flight %+v", it)
	}
	if page.Total != 5 {
		t.Errorf("%d items, want 5 (none from the loop before)", page.Total)
	}
}
