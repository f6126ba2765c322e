package engine_test

import (
	"context"
	"testing"
	"time"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/engine"
)

// TestShutdownCancelsAndRecordsRunningRuns proves closing the app cancels
// a run in progress and waits until it has recorded itself Cancelled, so
// the data file is never closed under a run.
func TestShutdownCancelsAndRecordsRunningRuns(t *testing.T) {
	r := newRig(t)
	r.caller.block = true
	run, err := r.e.Prepare(reverse(), engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	go r.e.Execute(context.Background(), run)
	for deadline := time.Now().Add(5 * time.Second); !r.callerBusy(); time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the run never reached its first call")
		}
	}
	if !r.e.Shutdown(5 * time.Second) {
		t.Fatal("Shutdown gave up waiting")
	}
	stored, err := r.db.GetRun(run.ID)
	if err != nil || stored.Status != core.RunCancelled {
		t.Fatalf("stored %s %v", stored.Status, err)
	}
	if !r.e.Shutdown(time.Second) {
		t.Fatal("a second Shutdown with nothing running must return at once")
	}
}

// callerBusy reports whether the fake tracker is answering a call.
func (r *rig) callerBusy() bool {
	r.caller.mu.Lock()
	defer r.caller.mu.Unlock()
	return r.caller.running > 0
}
