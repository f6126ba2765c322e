package store_test

import (
	"sync"
	"testing"

	"github.com/affdesk/affdesk/backend/core"
)

func TestClaimApproval(t *testing.T) {
	tests := []struct {
		name   string
		status core.RunStatus
		code   string
	}{
		{"waiting", core.RunWaiting, ""},
		{"running", core.RunRunning, core.ECONFLICT},
		{"completed", core.RunCompleted, core.ECONFLICT},
		{"cancelled", core.RunCancelled, core.ECONFLICT},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := MustOpen(t, "")
			r := core.Run{Status: tt.status, StartedAt: fixed, Waiting: &core.Waiting{StepID: "s1", Message: "go?"}}
			if err := db.SaveRun(&r); err != nil {
				t.Fatal(err)
			}
			got, err := db.ClaimApproval(r.ID)
			if core.ErrorCode(err) != tt.code {
				t.Fatalf("claim: %v, want code %q", err, tt.code)
			}
			stored, _ := db.GetRun(r.ID)
			want := tt.status
			if tt.code == "" {
				want = core.RunRunning
				if got.Status != core.RunRunning || got.Waiting == nil || got.Waiting.StepID != "s1" {
					t.Fatalf("claimed run %+v", got)
				}
			}
			if stored.Status != want {
				t.Fatalf("stored status %s, want %s", stored.Status, want)
			}
		})
	}
	db := MustOpen(t, "")
	if _, err := db.ClaimApproval(42); core.ErrorCode(err) != core.ENOTFOUND {
		t.Errorf("no such run: %v", err)
	}
}

func TestClaimApprovalOnceUnderConcurrency(t *testing.T) {
	db := MustOpen(t, "")
	r := core.Run{Status: core.RunWaiting, StartedAt: fixed, Waiting: &core.Waiting{StepID: "s1"}}
	if err := db.SaveRun(&r); err != nil {
		t.Fatal(err)
	}
	const n = 8
	var wg sync.WaitGroup
	var mu sync.Mutex
	codes := map[string]int{}
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := db.ClaimApproval(r.ID)
			mu.Lock()
			codes[core.ErrorCode(err)]++
			mu.Unlock()
		}()
	}
	wg.Wait()
	if codes[""] != 1 || codes[core.ECONFLICT] != n-1 {
		t.Fatalf("claims: %v", codes)
	}
}
