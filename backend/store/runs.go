package store

import (
	"fmt"

	"github.com/affdesk/affdesk/backend/core"
	bolt "go.etcd.io/bbolt"
)

var _ core.RunStore = (*DB)(nil)

// SaveRun inserts (ID 0) or replaces a run. Runs are written as they
// progress, so a crash leaves the last state on disk. What GetRun fills
// in (a top-level loop's first page of items, the write summary) is
// never written back into the run document. The run's summary and its
// entry in the index of active runs are written in the same transaction.
func (db *DB) SaveRun(r *core.Run) error {
	if r.ID != 0 {
		return db.bolt.Update(func(tx *bolt.Tx) error { return putRun(tx, r) })
	}
	var id uint64
	err := db.bolt.Update(func(tx *bolt.Tx) error {
		seq, err := tx.Bucket(bucketRuns).NextSequence()
		if err != nil {
			return fmt.Errorf("next run id: %w", err)
		}
		doc := *r
		doc.ID, id = seq, seq
		return putRun(tx, &doc)
	})
	if err == nil {
		r.ID = id
	}
	return err
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
// variables or snapshots (open one with GetRun). It reads run summaries
// only; runs running or waiting are found through runs_active. A search
// (f.Query) reads summaries newest first until f.Limit runs match, and
// f.Before pages on from the last run listed.
func (db *DB) ListRuns(f core.RunFilter) ([]core.Run, error) {
	out := []core.Run{}
	q := newRunQuery(f)
	err := db.bolt.View(func(tx *bolt.Tx) error {
		sums := tx.Bucket(bucketRunSummaries)
		keys := sums
		if f.Status != "" && !f.Status.Finished() {
			keys = tx.Bucket(bucketRunsActive)
		}
		c := keys.Cursor()
		for k := startBefore(c, f.Before); k != nil; k, _ = c.Prev() {
			r, ok, err := listed(sums.Get(k), f, q)
			if err != nil {
				return fmt.Errorf("run %d: %w", btoi(k), err)
			}
			if !ok {
				continue
			}
			out = append(out, r)
			if f.Limit > 0 && len(out) >= f.Limit {
				break
			}
		}
		return nil
	})
	return out, err
}

// listed decodes a stored summary when its header passes the filter and
// it matches the search q (nil: no search).
func listed(v []byte, f core.RunFilter, q *runQuery) (core.Run, bool, error) {
	if v == nil {
		return core.Run{}, false, nil
	}
	h, at, err := decodeHeader(v)
	if err != nil {
		return core.Run{}, false, err
	}
	if (f.AutomationID != 0 && h.AutomationID != f.AutomationID) || (f.Status != "" && h.Status != f.Status) {
		return core.Run{}, false, nil
	}
	if q != nil && !q.maybe(h, v[at:]) {
		return core.Run{}, false, nil
	}
	r, err := decodeSummary(v)
	if err != nil {
		return r, false, err
	}
	return r, q == nil || q.matches(r), nil
}
