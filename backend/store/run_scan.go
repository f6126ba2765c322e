package store

import (
	"fmt"

	"github.com/affdesk/affdesk/backend/core"
	bolt "go.etcd.io/bbolt"
)

// runScan is one run listing in progress.
type runScan struct {
	f      core.RunFilter
	q      *runQuery // nil: no search
	limit  int       // 0: every run
	budget int       // the most summaries read; 0: no bound
	page   core.RunPage
}

// run reads summaries newest first from f.Before until the page is full
// or the budget spent, and records where it stopped. Listing runs not
// finished walks runs_active and looks each summary up; any other walks
// the summaries themselves.
func (s *runScan) run(tx *bolt.Tx) error {
	sums := tx.Bucket(bucketRunSummaries)
	keys, active := sums, s.f.Status != "" && !s.f.Status.Finished()
	if active {
		keys = tx.Bucket(bucketRunsActive)
	}
	c := keys.Cursor()
	read, last := 0, uint64(0)
	k, v := startBefore(c, s.f.Before)
	for ; k != nil && !s.full(read); k, v = c.Prev() {
		read, last = read+1, btoi(k)
		if active {
			v = sums.Get(k)
		}
		r, ok, err := listed(v, s.f, s.q)
		if err != nil {
			return fmt.Errorf("run %d: %w", last, err)
		}
		if ok {
			s.page.Runs = append(s.page.Runs, r)
		}
	}
	if k != nil {
		s.page.Next = last
		s.page.Partial = len(s.page.Runs) < s.limit
	}
	return nil
}

// full reports whether the page holds its limit of runs or the scan has
// read its budget of summaries.
func (s *runScan) full(read int) bool {
	return (s.limit > 0 && len(s.page.Runs) >= s.limit) || (s.budget > 0 && read >= s.budget)
}

// searchLimit is how many runs a search returns: limit, or
// core.MaxRunSearch when limit is 0, negative or above it.
func searchLimit(limit int) int {
	if limit <= 0 || limit > core.MaxRunSearch {
		return core.MaxRunSearch
	}
	return limit
}
