package store_test

import (
	"testing"
	"time"

	"github.com/affdesk/affdesk/backend/core"
	bolt "go.etcd.io/bbolt"
)

func TestRateStatesOutliveTheProcess(t *testing.T) {
	dir := t.TempDir()
	db := MustOpen(t, dir)
	if s, err := db.GetRateState("7"); err != nil || s != (core.RateState{}) {
		t.Fatalf("unset state %+v, %v", s, err)
	}
	want := core.RateState{NextFree: fixed.Add(3600 * time.Millisecond), BlockedUntil: fixed.Add(time.Minute)}
	if err := db.SaveRateState("7", want); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db = MustOpen(t, dir)
	got, err := db.GetRateState("7")
	if err != nil || !got.NextFree.Equal(want.NextFree) || !got.BlockedUntil.Equal(want.BlockedUntil) {
		t.Fatalf("reopened state %+v, %v; want %+v", got, err, want)
	}
	if other, _ := db.GetRateState("8"); other != (core.RateState{}) {
		t.Errorf("another connection's state %+v", other)
	}
}

func TestDamagedRateStateIsAnErrorWithAnEmptyState(t *testing.T) {
	dir := t.TempDir()
	db := MustOpen(t, dir)
	db.Close()
	raw, err := bolt.Open(dir+"/affdesk.db", 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	raw.Update(func(tx *bolt.Tx) error { return tx.Bucket([]byte("rate_states")).Put([]byte("7"), []byte("{not json")) })
	raw.Close()
	db = MustOpen(t, dir)
	s, err := db.GetRateState("7")
	if core.ErrorCode(err) != core.EINTERNAL || s != (core.RateState{}) {
		t.Fatalf("damaged entry gave %+v, %v", s, err)
	}
}
