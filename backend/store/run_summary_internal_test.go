package store

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/affdesk/affdesk/backend/core"
	bolt "go.etcd.io/bbolt"
)

var t0 = time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)

// indexState returns the summaries' count and the active index.
func indexState(t *testing.T, db *DB) (uint64, map[uint64]core.RunStatus) {
	t.Helper()
	active := map[uint64]core.RunStatus{}
	var n uint64
	err := db.bolt.View(func(tx *bolt.Tx) error {
		n = tx.Bucket(bucketRunSummaries).Sequence()
		return tx.Bucket(bucketRunsActive).ForEach(func(k, v []byte) error {
			active[btoi(k)] = core.RunStatus(v)
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return n, active
}

// TestMigrationIndexesStoredRuns proves that a file of the previous schema,
// whose runs have no summaries, gets one per run and an index of its
// running and waiting runs when opened, so listing and marking runs
// interrupted find them.
func TestMigrationIndexesStoredRuns(t *testing.T) {
	dir := t.TempDir()
	db, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	statuses := []core.RunStatus{core.RunCompleted, core.RunRunning, core.RunWaiting, core.RunFailed}
	err = db.bolt.Update(func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bucketRunSummaries, bucketRunsActive} {
			if err := tx.DeleteBucket(name); err != nil {
				return err
			}
		}
		for i, st := range statuses {
			v, _ := json.Marshal(core.Run{ID: uint64(i + 1), AutomationID: 7, Status: st, StartedAt: t0, Error: "e"})
			if err := tx.Bucket(bucketRuns).Put(itob(uint64(i+1)), v); err != nil {
				return err
			}
		}
		return tx.Bucket(bucketMeta).Put(keySchemaVersion, itob(SchemaVersion-1))
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	if db, err = Open(dir); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if n, active := indexState(t, db); n != 4 || len(active) != 2 || active[2] != core.RunRunning || active[3] != core.RunWaiting {
		t.Fatalf("count %d, active %v", n, active)
	}
	runs, err := db.ListRuns(core.RunFilter{AutomationID: 7})
	if err != nil || len(runs) != 4 || runs[0].ID != 4 || runs[0].Error != "e" || !runs[0].StartedAt.Equal(t0) {
		t.Fatalf("listed %+v, %v", runs, err)
	}
	if n, err := db.MarkInterrupted(t0.Add(time.Hour)); err != nil || n != 1 {
		t.Fatalf("interrupted %d, %v", n, err)
	}
}

// TestIndexFollowsEveryStatusChange proves each way a run's status
// changes (insert, save, approval claimed, interrupted, pruned) keeps its
// summary and the active index in step with its document.
func TestIndexFollowsEveryStatusChange(t *testing.T) {
	db, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	wait := core.Run{AutomationID: 1, Status: core.RunWaiting, StartedAt: t0, Waiting: &core.Waiting{Message: "ok?"}}
	run := core.Run{AutomationID: 2, Status: core.RunRunning, StartedAt: t0}
	for _, r := range []*core.Run{&wait, &run} {
		if err := db.SaveRun(r); err != nil {
			t.Fatal(err)
		}
	}
	steps := []struct {
		name   string
		do     func() error
		active map[uint64]core.RunStatus
		count  uint64
		listed core.RunStatus // wait's status as listed
	}{
		{"saved", func() error { return nil }, map[uint64]core.RunStatus{1: core.RunWaiting, 2: core.RunRunning}, 2, core.RunWaiting},
		{"claimed", func() error { _, err := db.ClaimApproval(1); return err },
			map[uint64]core.RunStatus{1: core.RunRunning, 2: core.RunRunning}, 2, core.RunRunning},
		{"interrupted", func() error { _, err := db.MarkInterrupted(t0.Add(time.Minute)); return err },
			map[uint64]core.RunStatus{}, 2, core.RunInterrupted},
		{"pruned", func() error { _, err := db.PruneRuns(t0, 0, 1); return err }, map[uint64]core.RunStatus{}, 1, ""},
	}
	for _, s := range steps {
		if err := s.do(); err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		n, active := indexState(t, db)
		if n != s.count || len(active) != len(s.active) {
			t.Fatalf("%s: count %d, active %v", s.name, n, active)
		}
		for id, st := range s.active {
			if active[id] != st {
				t.Errorf("%s: run %d indexed as %q, want %q", s.name, id, active[id], st)
			}
		}
		got, _ := db.ListRuns(core.RunFilter{AutomationID: 1})
		if (s.listed == "") != (len(got) == 0) || (len(got) > 0 && got[0].Status != s.listed) {
			t.Errorf("%s: listed %+v", s.name, got)
		}
	}
}

// TestListRunsFindsActiveRunsThroughTheIndex proves a listing of running
// or waiting runs, filtered by automation too, answers from runs_active
// newest first, and that a listed waiting run keeps its question.
func TestListRunsFindsActiveRunsThroughTheIndex(t *testing.T) {
	db, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for i := 0; i < 6; i++ {
		r := core.Run{AutomationID: uint64(1 + i%2), Status: core.RunCompleted, StartedAt: t0}
		if i%3 == 0 {
			r.Status, r.Waiting = core.RunWaiting, &core.Waiting{Message: "go?"}
		}
		if err := db.SaveRun(&r); err != nil {
			t.Fatal(err)
		}
	}
	cases := []struct {
		f    core.RunFilter
		want []uint64
	}{
		{core.RunFilter{Status: core.RunWaiting}, []uint64{4, 1}},
		{core.RunFilter{Status: core.RunWaiting, AutomationID: 2}, []uint64{4}},
		{core.RunFilter{Status: core.RunWaiting, Limit: 1}, []uint64{4}},
		{core.RunFilter{Status: core.RunRunning}, nil},
		{core.RunFilter{Status: core.RunCompleted, AutomationID: 1}, []uint64{5, 3}},
	}
	for _, c := range cases {
		got, err := db.ListRuns(c.f)
		if err != nil || len(got) != len(c.want) {
			t.Fatalf("%+v: %+v, %v", c.f, got, err)
		}
		for i, id := range c.want {
			if got[i].ID != id || (got[i].Status == core.RunWaiting && got[i].Waiting == nil) {
				t.Errorf("%+v: got %+v", c.f, got[i])
			}
		}
	}
}
