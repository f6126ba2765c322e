package store

import (
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"
)

// PruneRuns deletes finished runs older than maxAge, then the oldest
// finished ones past maxCount, with their items and write journals, and
// returns how many it deleted. Runs still running or waiting for approval
// are never deleted. Run IDs follow start order, so it walks summaries
// from the oldest and stops at the first finished run it keeps: a run
// started later than a kept one is kept too.
func (db *DB) PruneRuns(now time.Time, maxAge time.Duration, maxCount int) (int, error) {
	var doomed [][]byte
	err := db.bolt.View(func(tx *bolt.Tx) error {
		var err error
		doomed, err = oldestDoomed(tx, maxCount, now, maxAge)
		return err
	})
	if err != nil || len(doomed) == 0 {
		return 0, err
	}
	n := 0
	err = db.bolt.Update(func(tx *bolt.Tx) error {
		var err error
		if doomed, err = oldestDoomed(tx, maxCount, now, maxAge); err != nil {
			return err
		}
		for _, k := range doomed {
			if err := deleteRun(tx, k); err != nil {
				return err
			}
		}
		n = len(doomed)
		return nil
	})
	return n, err
}

// oldestDoomed walks summaries from the oldest and returns the keys of
// the finished runs past maxCount (the oldest ones) or started more than
// maxAge before now, up to the first finished run that is neither.
func oldestDoomed(tx *bolt.Tx, maxCount int, now time.Time, maxAge time.Duration) ([][]byte, error) {
	sums := tx.Bucket(bucketRunSummaries)
	excess := 0
	if maxCount > 0 {
		excess = int(sums.Sequence()) - tx.Bucket(bucketRunsActive).Stats().KeyN - maxCount
	}
	var doomed [][]byte
	c := sums.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		h, _, err := decodeHeader(v)
		if err != nil {
			return nil, fmt.Errorf("run %d: %w", btoi(k), err)
		}
		if !h.Status.Finished() {
			continue
		}
		if excess <= 0 {
			tooOld, err := startedBefore(v, now, maxAge)
			if err != nil || !tooOld {
				return doomed, err
			}
		}
		excess--
		doomed = append(doomed, append([]byte(nil), k...))
	}
	return doomed, nil
}

// startedBefore reports whether the summarised run started more than
// maxAge before now (never, when maxAge is 0).
func startedBefore(v []byte, now time.Time, maxAge time.Duration) (bool, error) {
	if maxAge <= 0 {
		return false, nil
	}
	r, err := decodeSummary(v)
	if err != nil {
		return false, err
	}
	return now.Sub(r.StartedAt) > maxAge, nil
}
