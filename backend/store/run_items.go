package store

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/affdesk/affdesk/backend/core"
	bolt "go.etcd.io/bbolt"
)

var _ core.ItemStore = (*DB)(nil)

// SaveItems stores items of the top-level loop labelled step under
// run_items/<run ID>/<step label>/<item index>, each a JSON core.Iteration.
// Writes from parallel items are coalesced (bbolt's Batch), and the run
// document is not rewritten.
func (db *DB) SaveItems(runID uint64, step string, items []core.Iteration) error {
	vals := make([][]byte, len(items))
	for i, it := range items {
		v, err := json.Marshal(it)
		if err != nil {
			return fmt.Errorf("encode item %d of run %d step %s: %w", it.Index, runID, step, err)
		}
		vals[i] = v
	}
	return db.group(func(tx *bolt.Tx) error {
		b, err := nestedBucket(tx.Bucket(bucketRunItems), itob(runID), []byte(step))
		if err != nil {
			return fmt.Errorf("items of run %d step %s: %w", runID, step, err)
		}
		for i, it := range items {
			if err := b.Put(itob(uint64(it.Index)), vals[i]); err != nil {
				return fmt.Errorf("store item %d of run %d: %w", it.Index, runID, err)
			}
		}
		return nil
	})
}

// ListItems returns a page of a loop's items in index order; Total counts
// every item that passes the status filter.
func (db *DB) ListItems(f core.ItemFilter) (core.ItemPage, error) {
	if f.Limit <= 0 {
		f.Limit = core.DefaultItemPage
	}
	page := core.ItemPage{Items: []core.Iteration{}}
	err := db.bolt.View(func(tx *bolt.Tx) error {
		return listItems(tx, f, &page)
	})
	return page, err
}

func listItems(tx *bolt.Tx, f core.ItemFilter, page *core.ItemPage) error {
	run := tx.Bucket(bucketRunItems).Bucket(itob(f.RunID))
	if run == nil {
		return nil
	}
	b := run.Bucket([]byte(f.Step))
	if b == nil {
		return nil
	}
	q := strings.ToLower(strings.TrimSpace(f.Query))
	return forEachEntry(b, func(k, v []byte) error {
		ok, it, err := itemPasses(v, f.Status, q)
		if err != nil {
			return fmt.Errorf("decode item %d of run %d: %w", btoi(k), f.RunID, err)
		}
		if !ok {
			return nil
		}
		page.Total++
		if page.Total <= f.Offset || len(page.Items) >= f.Limit {
			return nil
		}
		if it == nil {
			it = &core.Iteration{}
			if err := json.Unmarshal(v, it); err != nil {
				return fmt.Errorf("decode item %d of run %d: %w", btoi(k), f.RunID, err)
			}
		}
		page.Items = append(page.Items, *it)
		return nil
	})
}

// itemPasses reports whether a stored item has the status (any when "")
// and holds the search q (any when ""). It decodes only what it must: the
// status alone, or the whole item (returned) when there is a search.
func itemPasses(v []byte, status, q string) (bool, *core.Iteration, error) {
	if q != "" {
		var it core.Iteration
		if err := json.Unmarshal(v, &it); err != nil {
			return false, nil, err
		}
		return (status == "" || it.Status == status) && itemMatches(it, q), &it, nil
	}
	if status == "" {
		return true, nil, nil
	}
	var st struct {
		Status string `json:"status"`
	}
	if err := json.Unmarshal(v, &st); err != nil {
		return false, nil, err
	}
	return st.Status == status, nil, nil
}

// nestedBucket opens (creating) the bucket at path under parent.
func nestedBucket(parent *bolt.Bucket, path ...[]byte) (*bolt.Bucket, error) {
	b := parent
	for _, name := range path {
		next, err := b.CreateBucketIfNotExists(name)
		if err != nil {
			return nil, err
		}
		b = next
	}
	return b, nil
}

// deleteRunDetail removes a run's items and write journal.
func deleteRunDetail(tx *bolt.Tx, key []byte) error {
	for _, name := range [][]byte{bucketRunItems, bucketRunWrites} {
		b := tx.Bucket(name)
		if b.Bucket(key) == nil {
			continue
		}
		if err := b.DeleteBucket(key); err != nil {
			return fmt.Errorf("delete %s of run %d: %w", name, btoi(key), err)
		}
	}
	return nil
}
