package store

import (
	"encoding/json"
	"strings"

	"github.com/affdesk/affdesk/backend/core"
	bolt "go.etcd.io/bbolt"
)

// foldItems stores, for a loop the app stopped in, every item that had a
// write recorded in the journal but no record of its own (a loop stores
// its items in batches, so the last ones may not have been written), then
// counts the loop's stored items. writes is the run's settled journal.
func foldItems(tx *bolt.Tx, key []byte, label string, writes []core.WriteEntry) (*core.ItemCounts, error) {
	b, err := nestedBucket(tx.Bucket(bucketRunItems), key, []byte(label))
	if err != nil {
		return nil, err
	}
	for _, it := range itemsFromWrites(label, writes) {
		if b.Get(itob(uint64(it.Index))) != nil {
			continue
		}
		if err := putJSON(b, itob(uint64(it.Index)), it); err != nil {
			return nil, err
		}
	}
	c := &core.ItemCounts{}
	err = forEachEntry(b, func(_, v []byte) error {
		var st struct {
			Status string `json:"status"`
		}
		if err := json.Unmarshal(v, &st); err != nil {
			return err
		}
		c.Add(st.Status)
		return nil
	})
	return c, err
}

// itemsFromWrites rebuilds the items of the loop labelled label from its
// writes, in journal order: one step result per write, the item's status
// the worst of its writes'.
func itemsFromWrites(label string, writes []core.WriteEntry) []core.Iteration {
	var out []core.Iteration
	at := map[int]int{} // item index -> position in out
	for _, w := range writes {
		if w.Item == 0 || !strings.HasPrefix(w.Step, label+".") {
			continue
		}
		i, ok := at[w.Item]
		if !ok {
			i = len(out)
			at[w.Item] = i
			out = append(out, core.Iteration{Index: w.Item, Status: core.StepOK})
		}
		status, msg := writeStatus(w)
		it := &out[i]
		it.Steps = append(it.Steps, core.StepResult{Label: w.Step, Status: status, Error: msg,
			Requests: []core.HTTPRecord{{Kind: w.Kind, Method: w.Method, URL: w.URL, Status: w.Status, Outcome: w.Outcome}}})
		if statusRank[status] > statusRank[it.Status] {
			it.Status, it.Error = status, msg
		}
	}
	return out
}

// statusRank orders the statuses a write can give its item, worst last.
var statusRank = map[string]int{core.StepOK: 0, core.StepFailed: 1, core.StepUnknown: 2}

// writeStatus is the status a journal entry gives its step, and why.
func writeStatus(w core.WriteEntry) (string, string) {
	switch {
	case w.Outcome == core.OutcomeUnknown:
		return core.StepUnknown, w.Error
	case w.Outcome == core.OutcomeNotSent:
		return core.StepFailed, firstNonEmpty(w.Error, "The write was not sent.")
	case w.Status >= 400 || w.Error != "":
		return core.StepFailed, firstNonEmpty(w.Error, "The tracker refused the write.")
	}
	return core.StepOK, ""
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
