package store_test

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/affdesk/affdesk/backend/core"
)

// TestRewriteRunsLeavesNoOldCopyInTheFile proves that once RewriteRuns
// masks a value in stored runs, the file's bytes hold it nowhere, free
// pages included, while the rewritten runs still read back.
func TestRewriteRunsLeavesNoOldCopyInTheFile(t *testing.T) {
	db := MustOpen(t, t.TempDir())
	for i := 0; i < 30; i++ {
		r := core.Run{AutomationID: 1, Status: core.RunCompleted, StartedAt: fixed,
			Variables: map[string]string{"token": "plain-secret-value", "pad": strings.Repeat("p", 3000)}}
		if err := db.SaveRun(&r); err != nil {
			t.Fatal(err)
		}
	}
	n, err := db.RewriteRuns(func(r *core.Run) bool {
		r.Variables["token"] = "••••"
		return true
	})
	if err != nil || n != 30 {
		t.Fatalf("rewrote %d, %v", n, err)
	}
	if r, err := db.GetRun(7); err != nil || r.Variables["token"] != "••••" {
		t.Fatalf("run 7: %+v, %v", r.Variables, err)
	}
	db.Close()
	raw, err := os.ReadFile(db.Path)
	if err != nil || bytes.Contains(raw, []byte("plain-secret-value")) {
		t.Fatalf("the file still holds the old value (read error %v)", err)
	}
}
