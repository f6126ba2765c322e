package store

import (
	"encoding/json"
	"fmt"

	"github.com/affdesk/affdesk/backend/core"
	bolt "go.etcd.io/bbolt"
)

// migrateRunSummaries adds run_summaries and runs_active and fills them
// from the stored runs: the one time every run document is decoded.
func migrateRunSummaries(tx *bolt.Tx) error {
	for _, name := range [][]byte{bucketRunSummaries, bucketRunsActive} {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return fmt.Errorf("create bucket %s: %w", name, err)
		}
	}
	return tx.Bucket(bucketRuns).ForEach(func(k, v []byte) error {
		var r core.Run
		if err := json.Unmarshal(v, &r); err != nil {
			return fmt.Errorf("decode run %d: %w", btoi(k), err)
		}
		r.ID = btoi(k)
		return indexRun(tx, &r)
	})
}
