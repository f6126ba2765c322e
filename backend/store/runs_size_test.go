package store_test

import (
	"strings"
	"testing"
	"time"

	"github.com/affdesk/affdesk/backend/core"
)

// TestPruneRunsToSize fills history with 300 runs of about 20 KB, then
// prunes it to 2 MB in use: the oldest finished runs go, the newest stay,
// and a run waiting for approval is kept whatever its age.
func TestPruneRunsToSize(t *testing.T) {
	db := MustOpen(t, t.TempDir())
	big := strings.Repeat("x", 20<<10)
	start := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < 300; i++ {
		status := core.RunCompleted
		if i == 0 {
			status = core.RunWaiting
		}
		r := core.Run{AutomationID: 1, AutomationName: "A", Status: status, StartedAt: start.Add(time.Duration(i) * time.Minute),
			Steps: []core.StepResult{{StepID: "s1", Label: "1", Status: core.StepOK, Warnings: []string{big}}}}
		if err := db.SaveRun(&r); err != nil {
			t.Fatal(err)
		}
	}
	before, err := db.Size()
	if err != nil || before.Runs != 300 || before.InUseBytes < 5<<20 || before.InUseBytes > before.FileBytes {
		t.Fatalf("size before %+v, %v", before, err)
	}
	const limit = 2 << 20
	n, err := db.PruneRunsToSize(limit)
	after, _ := db.Size()
	if err != nil || n == 0 || after.InUseBytes > limit || after.Runs != before.Runs-n {
		t.Fatalf("pruned %d (%v): %+v", n, err, after)
	}
	if _, err := db.GetRun(1); err != nil {
		t.Fatalf("the waiting run was pruned: %v", err)
	}
	if _, err := db.GetRun(300); err != nil {
		t.Fatalf("the newest run was pruned: %v", err)
	}
	if _, err := db.GetRun(2); err == nil {
		t.Fatal("the oldest finished run was kept")
	}
	if n, _ := db.PruneRunsToSize(0); n != 0 {
		t.Fatalf("no limit pruned %d", n)
	}
}
