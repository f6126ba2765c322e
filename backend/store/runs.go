package store

import (
	"cmp"
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
// variables or snapshots (open one with GetRun): the runs of
// ListRunsPage, for callers that need not go on.
func (db *DB) ListRuns(f core.RunFilter) ([]core.Run, error) {
	page, err := db.ListRunsPage(f)
	return page.Runs, err
}

// ListRunsPage returns a page of runs newest first, filtered, without
// step details, variables or snapshots, and where it stopped. It reads
// run summaries only; runs running or waiting are found through
// runs_active. f.Before pages on from the last run listed. A search
// (f.Query) reads summaries newest first until it has f.Limit matches
// (at most core.MaxRunSearch) or has read core.RunSearchBudget summaries,
// then stops (Partial when the page is not full).
func (db *DB) ListRunsPage(f core.RunFilter) (core.RunPage, error) {
	s := runScan{f: f, q: newRunQuery(f), limit: f.Limit, page: core.RunPage{Runs: []core.Run{}}}
	if s.q != nil {
		s.limit, s.budget = searchLimit(f.Limit), cmp.Or(db.searchBudget, core.RunSearchBudget)
	}
	err := db.bolt.View(s.run)
	return s.page, err
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
