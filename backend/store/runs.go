package store

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/affdesk/affdesk/backend/core"
	bolt "go.etcd.io/bbolt"
)

var _ core.RunStore = (*DB)(nil)

// SaveRun inserts (ID 0) or replaces a run. Runs are written as they
// progress, so a crash leaves the last state on disk. What GetRun fills
// in (a top-level loop's first page of items, the write summary) is
// never written back into the run document.
func (db *DB) SaveRun(r *core.Run) error {
	if r.ID == 0 {
		return save(db, bucketRuns, "Run", r)
	}
	return db.bolt.Update(func(tx *bolt.Tx) error {
		return putRun(tx, r)
	})
}

// GetRun returns ENOTFOUND if no run has the ID. Each top-level loop's
// Iterations hold its first page of items (ListItems gives the rest), and
// Writes sums up the run's write journal.
func (db *DB) GetRun(id uint64) (core.Run, error) {
	r, err := get[core.Run](db, bucketRuns, id, "Run")
	if err != nil {
		return r, err
	}
	err = db.bolt.View(func(tx *bolt.Tx) error {
		for i := range r.Steps {
			st := &r.Steps[i]
			if st.Kind != core.StepForEach || len(st.Iterations) > 0 {
				continue
			}
			page := core.ItemPage{Items: []core.Iteration{}}
			if err := listItems(tx, core.ItemFilter{RunID: id, Step: st.Label, Limit: core.DefaultItemPage}, &page); err != nil {
				return err
			}
			st.Iterations = page.Items
		}
		return nil
	})
	if err != nil {
		return r, err
	}
	ws, err := db.Writes(id)
	r.Writes = summarize(ws)
	return r, err
}

// ListRuns returns runs newest first, filtered, without step details,
// variables or snapshots (open one with GetRun).
func (db *DB) ListRuns(f core.RunFilter) ([]core.Run, error) {
	out := []core.Run{}
	err := db.bolt.View(func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketRuns).Cursor()
		for k, v := c.Last(); k != nil; k, v = c.Prev() {
			var r core.Run
			if err := json.Unmarshal(v, &r); err != nil {
				return fmt.Errorf("decode run %d: %w", btoi(k), err)
			}
			if (f.AutomationID != 0 && r.AutomationID != f.AutomationID) || (f.Status != "" && r.Status != f.Status) {
				continue
			}
			r.Steps, r.Variables, r.Snapshot, r.State = nil, nil, core.Automation{}, nil
			out = append(out, r)
			if f.Limit > 0 && len(out) >= f.Limit {
				break
			}
		}
		return nil
	})
	return out, err
}

// PruneRuns deletes finished runs older than maxAge, then the oldest
// finished ones past maxCount, with their items and write journals, and
// returns how many it deleted. Runs still
// running or waiting for approval are never deleted.
func (db *DB) PruneRuns(now time.Time, maxAge time.Duration, maxCount int) (int, error) {
	var doomed [][]byte
	err := db.bolt.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketRuns)
		kept := 0
		c := b.Cursor()
		for k, v := c.Last(); k != nil; k, v = c.Prev() {
			var r struct {
				Status    core.RunStatus `json:"status"`
				StartedAt time.Time      `json:"startedAt"`
			}
			if err := json.Unmarshal(v, &r); err != nil {
				return fmt.Errorf("decode run %d: %w", btoi(k), err)
			}
			if !r.Status.Finished() {
				continue
			}
			tooOld := maxAge > 0 && now.Sub(r.StartedAt) > maxAge
			if tooOld || (maxCount > 0 && kept >= maxCount) {
				doomed = append(doomed, append([]byte(nil), k...))
				continue
			}
			kept++
		}
		for _, k := range doomed {
			if err := b.Delete(k); err != nil {
				return err
			}
			if err := deleteRunDetail(tx, k); err != nil {
				return err
			}
		}
		return nil
	})
	return len(doomed), err
}
