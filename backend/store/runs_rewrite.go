package store

import (
	"encoding/json"
	"fmt"

	"github.com/affdesk/affdesk/backend/core"
	bolt "go.etcd.io/bbolt"
)

// RewriteRuns passes every stored run document, as stored, to f and
// writes back those f changed (it returns true), all in one transaction:
// for one-time clean-ups of run history. It returns how many it rewrote.
// When it rewrote any, the file's free pages are then overwritten, so the
// old copies of the rewritten documents are gone from the file.
func (db *DB) RewriteRuns(f func(r *core.Run) bool) (int, error) {
	n := 0
	err := db.bolt.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketRuns)
		changed := map[uint64]core.Run{}
		err := b.ForEach(func(k, v []byte) error {
			var r core.Run
			if err := json.Unmarshal(v, &r); err != nil {
				return fmt.Errorf("decode run %d: %w", btoi(k), err)
			}
			if f(&r) {
				changed[btoi(k)] = r
			}
			return nil
		})
		for id, r := range changed {
			if err == nil {
				r.ID = id
				err = writeRunDoc(tx, &r)
			}
		}
		n = len(changed)
		return err
	})
	if err == nil && n > 0 {
		err = db.wipeFreePages()
	}
	return n, err
}
