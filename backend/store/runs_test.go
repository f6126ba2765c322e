package store_test

import (
	"testing"
	"time"

	"github.com/affdesk/affdesk/backend/core"
)

func TestRunsLifecycle(t *testing.T) {
	dir := t.TempDir()
	db := MustOpen(t, dir)
	statuses := []core.RunStatus{core.RunCompleted, core.RunRunning, core.RunFailed, core.RunWaiting, core.RunRunning}
	for i, st := range statuses {
		r := core.Run{AutomationID: uint64(1 + i%2), Status: st, StartedAt: fixed.Add(time.Duration(i) * time.Hour),
			Steps: []core.StepResult{{StepID: "s1", Status: core.StepOK}}, Variables: map[string]string{"x": "1"}}
		if err := db.SaveRun(&r); err != nil || r.ID != uint64(i+1) {
			t.Fatalf("save run %d: %v", r.ID, err)
		}
	}
	all, _ := db.ListRuns(core.RunFilter{})
	if len(all) != 5 || all[0].ID != 5 || all[0].Steps != nil || all[0].Variables != nil {
		t.Fatalf("list newest first without details: %+v", all[0])
	}
	if got, _ := db.ListRuns(core.RunFilter{AutomationID: 2}); len(got) != 2 {
		t.Errorf("by automation: %d", len(got))
	}
	if got, _ := db.ListRuns(core.RunFilter{Status: core.RunRunning, Limit: 1}); len(got) != 1 || got[0].ID != 5 {
		t.Errorf("by status with limit: %+v", got)
	}
	db.Close()

	db = MustOpen(t, dir)
	n, err := db.MarkInterrupted(fixed.Add(9 * time.Hour))
	if err != nil || n != 2 {
		t.Fatalf("interrupted %d, %v", n, err)
	}
	r, _ := db.GetRun(2)
	if r.Status != core.RunInterrupted || r.Error == "" || len(r.Steps) != 1 {
		t.Fatalf("run 2 after restart: %+v", r)
	}
	if w, _ := db.GetRun(4); w.Status != core.RunWaiting {
		t.Errorf("a waiting run changed: %s", w.Status)
	}
}

func TestPruneRuns(t *testing.T) {
	db := MustOpen(t, "")
	for i := 0; i < 10; i++ {
		st := core.RunCompleted
		if i == 0 {
			st = core.RunWaiting
		}
		r := core.Run{Status: st, StartedAt: fixed.AddDate(0, 0, -10+i)}
		db.SaveRun(&r)
	}
	n, err := db.PruneRuns(fixed, 5*24*time.Hour+time.Hour, 0)
	if err != nil || n != 4 {
		t.Fatalf("by age: deleted %d, %v", n, err)
	}
	n, _ = db.PruneRuns(fixed, 0, 3)
	left, _ := db.ListRuns(core.RunFilter{})
	if n != 2 || len(left) != 4 || left[3].Status != core.RunWaiting || left[0].ID != 10 {
		t.Fatalf("by count: deleted %d, left %+v", n, left)
	}
}

func TestAutomationsRoundTrip(t *testing.T) {
	db := MustOpen(t, "")
	a := core.Automation{Name: "Weekly", Steps: []core.Step{{ID: "s1", Kind: core.StepForEach, Over: "x", Steps: []core.Step{{ID: "s2", Kind: core.StepApproval}}}}}
	if err := db.SaveAutomation(&a); err != nil || a.ID != 1 {
		t.Fatal(err)
	}
	got, err := db.GetAutomation(1)
	if err != nil || len(got.Steps[0].Steps) != 1 || got.Steps[0].Steps[0].Kind != core.StepApproval {
		t.Fatalf("got %+v %v", got, err)
	}
	if err := db.DeleteAutomation(1); err != nil {
		t.Fatal(err)
	}
	if list, _ := db.ListAutomations(); len(list) != 0 {
		t.Error("not deleted")
	}
}
