package engine_test

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"sync"
	"testing"
	"time"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/store"
	bolt "go.etcd.io/bbolt"
)

// meetingStore holds the first two reads of a waiting run (GetRun or
// ClaimApproval) until both have arrived, so two approvals overlap
// exactly where a double click makes them overlap.
type meetingStore struct {
	*store.DB
	mu  sync.Mutex
	n   int
	met chan struct{}
}

func (m *meetingStore) meet() {
	m.mu.Lock()
	if m.n++; m.n == 2 {
		close(m.met)
	}
	m.mu.Unlock()
	<-m.met
}

func (m *meetingStore) GetRun(id uint64) (core.Run, error) {
	m.meet()
	return m.DB.GetRun(id)
}

func (m *meetingStore) ClaimApproval(id uint64) (core.Run, error) {
	m.meet()
	return m.DB.ClaimApproval(id)
}

// approveThenWrite waits for approval, then reverses one action.
func approveThenWrite() core.Automation {
	return core.Automation{Name: "Approve", Steps: []core.Step{
		{ID: "s1", Kind: core.StepApproval, Message: "Reverse A1?"},
		{ID: "s2", Kind: core.StepActionEdit, TemplateID: 2, Values: map[string]string{"ActionId": "A1"}},
	}}
}

func TestApproveTwiceAtOnceResumesOnce(t *testing.T) {
	for _, approved := range []bool{true, false} {
		t.Run(map[bool]string{true: "approve", false: "reject"}[approved], func(t *testing.T) {
			r := newRig(t)
			run := r.run(t, approveThenWrite(), false)
			if run.Status != core.RunWaiting {
				t.Fatalf("status %s: %s", run.Status, run.Error)
			}
			r.e.Runs = &meetingStore{DB: r.db, met: make(chan struct{})}
			errs := make(chan error, 2)
			for i := 0; i < 2; i++ {
				go func() {
					_, err := r.e.Approve(context.Background(), run.ID, approved, "double click")
					errs <- err
				}()
			}
			codes := map[string]int{}
			for i := 0; i < 2; i++ {
				codes[core.ErrorCode(<-errs)]++
			}
			if codes[""] != 1 || codes[core.ECONFLICT] != 1 {
				t.Fatalf("want one decision and one ECONFLICT, got %v", codes)
			}
			wantSent := map[bool]int{true: 1, false: 0}[approved]
			ws, _ := r.db.Writes(run.ID)
			if len(r.caller.sent) != wantSent || len(ws) != wantSent {
				t.Fatalf("write sent %d times, journaled %d: %v", len(r.caller.sent), len(ws), r.caller.sent)
			}
			stored, _ := r.db.GetRun(run.ID)
			want := map[bool]core.RunStatus{true: core.RunCompleted, false: core.RunCancelled}[approved]
			if stored.Status != want || len(stored.Steps) != 1+wantSent {
				t.Fatalf("stored %s with %d steps: %s", stored.Status, len(stored.Steps), stored.Error)
			}
		})
	}
}

func TestApprovalKeepsLoopItemsOutOfTheRunDocument(t *testing.T) {
	r := newRig(t)
	a := loopOf(r, 3, 1, false)
	a.Steps = []core.Step{a.Steps[0], a.Steps[1], {ID: "s9", Kind: core.StepApproval, Message: "Mail the summary?"}, a.Steps[2]}
	run := r.run(t, a, false)
	if run.Status != core.RunWaiting {
		t.Fatalf("status %s: %s", run.Status, run.Error)
	}
	done, err := r.e.Approve(context.Background(), run.ID, true, "fine")
	if err != nil || done.Status != core.RunCompleted {
		t.Fatalf("approved: %v %s %s", err, done.Status, done.Error)
	}
	if got, _ := r.db.GetRun(run.ID); len(got.Steps[1].Iterations) != 3 {
		t.Fatalf("reading the run must still fill in its items: %d", len(got.Steps[1].Iterations))
	}
	doc := storedDocument(t, r.db, run.ID)
	if doc.Status != core.RunCompleted || len(doc.Steps) != 4 {
		t.Fatalf("stored document %s with %d steps", doc.Status, len(doc.Steps))
	}
	if n := len(doc.Steps[1].Iterations); n != 0 || doc.Writes != nil {
		t.Fatalf("the run document holds %d inline items of the loop and writes %+v", n, doc.Writes)
	}
}

// storedDocument closes db and decodes the run's document as it lies in
// the file, with nothing filled in by reading.
func storedDocument(t *testing.T, db *store.DB, id uint64) core.Run {
	t.Helper()
	db.Close()
	b, err := bolt.Open(db.Path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	var run core.Run
	err = b.View(func(tx *bolt.Tx) error {
		v := tx.Bucket([]byte("runs")).Get(binary.BigEndian.AppendUint64(nil, id))
		return json.Unmarshal(v, &run)
	})
	if err != nil {
		t.Fatal(err)
	}
	return run
}
