package store_test

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/affdesk/affdesk/backend/core"
)

// TestFinishedRunsPackTheirItemsAndJournal proves that once a run is saved
// finished, its loop items and write journal take far fewer bytes and read
// back exactly as before: every page and status filter of the items, and
// every journal entry.
func TestFinishedRunsPackTheirItemsAndJournal(t *testing.T) {
	db := MustOpen(t, t.TempDir())
	run := core.Run{AutomationID: 1, Status: core.RunRunning, StartedAt: fixed}
	if err := db.SaveRun(&run); err != nil {
		t.Fatal(err)
	}
	items := make([]core.Iteration, 600)
	for i := range items {
		st := core.StepOK
		if i%7 == 0 {
			st = core.StepFailed
		}
		items[i] = core.Iteration{Index: i + 1, Item: fmt.Sprint("Id O", i+1), Status: st,
			Steps: []core.StepResult{{Label: "1.1", Status: st, Requests: []core.HTTPRecord{{Method: "PUT", URL: "/offers/{id}", Outcome: core.OutcomeSent}}}}}
		w := core.WriteEntry{RunID: run.ID, Step: "1.1", Item: i + 1, Method: "PUT", URL: "/offers/{id}", At: fixed,
			Values: map[string]string{"id": fmt.Sprint("O", i+1)}}
		if err := db.BeginWrite(&w); err != nil {
			t.Fatal(err)
		}
		w.Outcome = core.OutcomeSent
		if err := db.EndWrite(w); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.SaveItems(run.ID, "1", items); err != nil {
		t.Fatal(err)
	}
	filters := []core.ItemFilter{{Limit: 50}, {Offset: 250, Limit: 300}, {Status: core.StepFailed, Offset: 3, Limit: 10}, {Offset: 590, Limit: 50}}
	read := func() ([]core.ItemPage, []core.WriteEntry) {
		var pages []core.ItemPage
		for _, f := range filters {
			f.RunID, f.Step = run.ID, "1"
			p, err := db.ListItems(f)
			if err != nil {
				t.Fatal(err)
			}
			pages = append(pages, p)
		}
		ws, err := db.Writes(run.ID)
		if err != nil {
			t.Fatal(err)
		}
		return pages, ws
	}
	pagesBefore, writesBefore := read()
	plain, _ := db.RunBytes(run.ID)
	run.Status = core.RunCompleted
	if err := db.SaveRun(&run); err != nil {
		t.Fatal(err)
	}
	if err := db.SaveRun(&run); err != nil { // a second save finds them packed already
		t.Fatal(err)
	}
	pagesAfter, writesAfter := read()
	if !reflect.DeepEqual(pagesBefore, pagesAfter) || !reflect.DeepEqual(writesBefore, writesAfter) || len(writesAfter) != 600 {
		t.Fatalf("packed records read back differently (%d writes)", len(writesAfter))
	}
	if pagesAfter[2].Total != 86 || len(pagesAfter[3].Items) != 10 {
		t.Fatalf("failed total %d, last page %d", pagesAfter[2].Total, len(pagesAfter[3].Items))
	}
	packed, _ := db.RunBytes(run.ID)
	if packed*4 > plain {
		t.Errorf("packed %d bytes of %d", packed, plain)
	}
	got, err := db.GetRun(run.ID)
	if err != nil || got.Writes == nil || got.Writes.Sent != 600 {
		t.Fatalf("run read back %+v, %v", got.Writes, err)
	}
}
