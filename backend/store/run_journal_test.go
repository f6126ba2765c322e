package store_test

import (
	"strings"
	"testing"
	"time"

	"github.com/affdesk/affdesk/backend/core"
)

// crashedRun leaves what a SIGKILL mid-loop leaves: a running run, one
// item stored, one write sent, one write whose intent has no outcome.
func crashedRun(t *testing.T, dir string) uint64 {
	t.Helper()
	db := MustOpen(t, dir)
	defer db.Close()
	r := core.Run{Status: core.RunRunning, StartedAt: fixed, Steps: []core.StepResult{{StepID: "s1", Label: "1", Status: core.StepOK}},
		Snapshot: core.Automation{Steps: []core.Step{{ID: "s1", Kind: core.StepActionGet}, {ID: "s2", Kind: core.StepForEach}}}}
	if err := db.SaveRun(&r); err != nil {
		t.Fatal(err)
	}
	if err := db.SaveItems(r.ID, "2", []core.Iteration{{Index: 1, Status: core.StepOK}}); err != nil {
		t.Fatal(err)
	}
	sent := core.WriteEntry{RunID: r.ID, Step: "2.1", Item: 1, Kind: "request", Method: "POST", URL: "/a"}
	inFlight := core.WriteEntry{RunID: r.ID, Step: "2.1", Item: 2, Kind: "request", Method: "POST", URL: "/a"}
	for _, w := range []*core.WriteEntry{&sent, &inFlight} {
		if err := db.BeginWrite(w); err != nil {
			t.Fatal(err)
		}
	}
	sent.Outcome, sent.Status = core.OutcomeSent, 200
	if err := db.EndWrite(sent); err != nil {
		t.Fatal(err)
	}
	return r.ID
}

func TestInterruptedRunFoldsItsJournal(t *testing.T) {
	dir := t.TempDir()
	id := crashedRun(t, dir)
	db := MustOpen(t, dir)
	if n, err := db.MarkInterrupted(fixed.Add(time.Minute)); err != nil || n != 1 {
		t.Fatalf("interrupted %d, %v", n, err)
	}
	r, _ := db.GetRun(id)
	if r.Status != core.RunInterrupted || !strings.Contains(r.Error, "1 write(s)") || r.Writes == nil || r.Writes.Sent != 1 || r.Writes.Unknown != 1 {
		t.Fatalf("run %+v writes %+v", r.Error, r.Writes)
	}
	if len(r.Steps) != 2 || r.Steps[1].Status != core.StepUnknown || *r.Steps[1].Items != (core.ItemCounts{Total: 2, Succeeded: 1, Unknown: 1}) {
		t.Fatalf("step in progress %+v", r.Steps)
	}
	page, _ := db.ListItems(core.ItemFilter{RunID: id, Step: "2", Status: core.StepUnknown})
	if page.Total != 1 || page.Items[0].Index != 2 || page.Items[0].Steps[0].Requests[0].Outcome != core.OutcomeUnknown {
		t.Fatalf("item in flight %+v", page)
	}
	ws, _ := db.Writes(id)
	if ws[0].Outcome != core.OutcomeSent || ws[1].Outcome != core.OutcomeUnknown {
		t.Fatalf("journal %+v", ws)
	}
}

func TestPruneDeletesItemsAndJournal(t *testing.T) {
	db := MustOpen(t, "")
	r := core.Run{Status: core.RunCompleted, StartedAt: fixed.AddDate(0, 0, -30)}
	db.SaveRun(&r)
	db.SaveItems(r.ID, "1", []core.Iteration{{Index: 1, Status: core.StepOK}})
	w := core.WriteEntry{RunID: r.ID, Kind: "email"}
	db.BeginWrite(&w)
	if n, err := db.PruneRuns(fixed, 24*time.Hour, 0); err != nil || n != 1 {
		t.Fatalf("pruned %d, %v", n, err)
	}
	items, _ := db.ListItems(core.ItemFilter{RunID: r.ID, Step: "1"})
	ws, _ := db.Writes(r.ID)
	if items.Total != 0 || len(ws) != 0 {
		t.Fatalf("left %d items, %d writes", items.Total, len(ws))
	}
}
