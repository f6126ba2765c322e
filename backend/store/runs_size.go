package store

import (
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// HistorySize is how big the data file is: its size on disk and the bytes
// its pages in use hold (free pages are reused by later writes; the file
// itself only shrinks with a copy, such as a backup restored).
type HistorySize struct {
	FileBytes  int64 `json:"fileBytes"`
	InUseBytes int64 `json:"inUseBytes"`
	Runs       int   `json:"runs"`
}

// Size reports the data file's size, the bytes in use and the number of
// stored runs, without reading any run.
func (db *DB) Size() (HistorySize, error) {
	var out HistorySize
	err := db.bolt.View(func(tx *bolt.Tx) error {
		out = sizeOf(db, tx)
		return nil
	})
	return out, err
}

func sizeOf(db *DB, tx *bolt.Tx) HistorySize {
	st := db.bolt.Stats()
	free := int64(st.FreePageN+st.PendingPageN) * int64(db.bolt.Info().PageSize)
	return HistorySize{FileBytes: tx.Size(), InUseBytes: tx.Size() - free, Runs: tx.Bucket(bucketRunSummaries).Stats().KeyN}
}

// pruneBatch is how many of the oldest finished runs a size prune deletes
// per transaction before it measures again.
const pruneBatch = 64

// PruneRunsToSize deletes the oldest finished runs, a batch at a time,
// until the bytes in use are at most maxBytes or no finished run is left,
// and returns how many it deleted. Runs still going or waiting for
// approval are never deleted. maxBytes 0 means no limit.
func (db *DB) PruneRunsToSize(maxBytes int64) (int, error) {
	deleted := 0
	for maxBytes > 0 {
		size, err := db.Size()
		if err != nil || size.InUseBytes <= maxBytes {
			return deleted, err
		}
		n, err := db.deleteOldestFinished(pruneBatch)
		deleted += n
		if err != nil || n == 0 {
			return deleted, err
		}
	}
	return deleted, nil
}

// deleteOldestFinished deletes up to n of the oldest finished runs.
func (db *DB) deleteOldestFinished(n int) (int, error) {
	done := 0
	err := db.bolt.Update(func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketRunSummaries).Cursor()
		var doomed [][]byte
		for k, v := c.First(); k != nil && len(doomed) < n; k, v = c.Next() {
			h, _, err := decodeHeader(v)
			if err != nil {
				return fmt.Errorf("run %d: %w", btoi(k), err)
			}
			if h.Status.Finished() {
				doomed = append(doomed, append([]byte(nil), k...))
			}
		}
		for _, k := range doomed {
			if err := deleteRun(tx, k); err != nil {
				return err
			}
		}
		done = len(doomed)
		return nil
	})
	return done, err
}
