package store

import (
	"errors"
	"fmt"
	"sync"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// TestGroupCommitKeepsEveryChangeAndFailsOnlyTheBadOne has parallel
// callers put keys through group, one of them failing: every other key
// is stored, and only the failing caller sees an error.
func TestGroupCommitKeepsEveryChangeAndFailsOnlyTheBadOne(t *testing.T) {
	db, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	bad := errors.New("refused")
	const n = 64
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			errs[i] = db.group(func(tx *bolt.Tx) error {
				if i == 7 {
					return bad
				}
				b, err := tx.CreateBucketIfNotExists([]byte("group-test"))
				if err != nil {
					return err
				}
				return b.Put([]byte(fmt.Sprint(i)), []byte("x"))
			})
		})
	}
	wg.Wait()
	stored := 0
	_ = db.bolt.View(func(tx *bolt.Tx) error {
		stored = tx.Bucket([]byte("group-test")).Stats().KeyN
		return nil
	})
	for i, err := range errs {
		if (i == 7) != errors.Is(err, bad) {
			t.Errorf("caller %d: %v", i, err)
		}
	}
	if stored != n-1 {
		t.Fatalf("%d keys stored, want %d", stored, n-1)
	}
}
