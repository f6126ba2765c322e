package store

import (
	"encoding/json"
	"strings"

	"github.com/affdesk/affdesk/backend/core"
	bolt "go.etcd.io/bbolt"
)

// Notes on an item rebuilt from the journal after a crash.
const (
	stoppedInItem = "AffDesk stopped during this item; steps after this write may not have run."
	heldBack      = "Dry run: this write was held back (not sent)."
)

// foldItems stores, for a loop the app stopped in, every item that had a
// write recorded in the journal but no record of its own (a loop stores
// its items in batches, so the last ones may not have been written), then
// counts the loop's stored items. writes is the run's settled journal;
// dry says the run was a dry run, whose writes were held back.
func foldItems(tx *bolt.Tx, key []byte, label string, writes []core.WriteEntry, dry bool) (*core.ItemCounts, error) {
	b, err := nestedBucket(tx.Bucket(bucketRunItems), key, []byte(label))
	if err != nil {
		return nil, err
	}
	for _, it := range itemsFromWrites(label, writes, dry) {
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
// writes, in journal order: one step result per write, with the values it
// was sent with; the item named as the loop listed it (or by those
// values), its status the worst of its writes' (core.WorseStatus), and
// its note saying that AffDesk stopped during it, after the reason of its
// worst write.
func itemsFromWrites(label string, writes []core.WriteEntry, dry bool) []core.Iteration {
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
			out = append(out, core.Iteration{Index: w.Item, Item: itemPreview(w), Status: core.StepOK})
		}
		st := rebuiltStep(w, dry)
		it := &out[i]
		it.Steps = append(it.Steps, st)
		if worst := core.WorseStatus(it.Status, st.Status); worst != it.Status || (it.Error == "" && st.Error != "") {
			it.Status, it.Error = worst, st.Error
		}
	}
	for i := range out {
		out[i].Error = strings.TrimSpace(out[i].Error + " " + stoppedInItem)
	}
	return out
}

// rebuiltStep is the step result a journal entry stands for: its status
// is the one core.WriteStepStatus gives the write, its error says why
// the write failed or is unknown, and a write a dry run held back is
// marked as such (not sent, with a warning), as a dry run shows it.
func rebuiltStep(w core.WriteEntry, dry bool) core.StepResult {
	rec := core.HTTPRecord{Kind: w.Kind, Method: w.Method, URL: w.URL, Status: w.Status, Outcome: w.Outcome}
	st := core.StepResult{Label: w.Step, Values: w.Values, Status: core.WriteStepStatus(w.Outcome, w.Status >= 400 || w.Error != "", dry)}
	switch {
	case st.Status == core.StepUnknown:
		st.Error = firstNonEmpty(w.Error, "The outcome of this write is unknown: check in the tracker whether it was applied.")
	case w.Outcome == core.OutcomeNotSent && dry:
		rec.NotSent = true
		st.Warnings = []string{heldBack}
	case w.Outcome == core.OutcomeNotSent:
		st.Error = firstNonEmpty(w.Error, "The write was not sent.")
	case st.Status == core.StepFailed:
		st.Error = firstNonEmpty(w.Error, "The tracker refused the write.")
	}
	st.Requests = []core.HTTPRecord{rec}
	return st
}

// itemPreview names a rebuilt item: its preview as the loop listed it,
// else (a journal written before previews were kept) the values of its
// first write, as JSON.
func itemPreview(w core.WriteEntry) string {
	if w.ItemLabel != "" || len(w.Values) == 0 {
		return w.ItemLabel
	}
	v, err := json.Marshal(w.Values)
	if err != nil {
		return ""
	}
	if r := []rune(string(v)); len(r) > 120 {
		return string(r[:120]) + "…"
	}
	return string(v)
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
