package store

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/affdesk/affdesk/backend/core"
	bolt "go.etcd.io/bbolt"
)

// interruptedMsg is the error of a run the app stopped during, and
// interruptedDryMsg that of a dry run, which sent no write.
const (
	interruptedMsg    = "AffDesk stopped while this run was in progress. Nothing was replayed: check the tracker before running it again."
	interruptedDryMsg = "AffDesk stopped while this dry run was in progress. It sent no write, and nothing was replayed."
)

// MarkInterrupted marks every run still running (the app stopped during
// it) as interrupted, and returns how many; it finds them in runs_active
// and decodes no other run. They are never replayed. Each
// write whose intent was recorded but not its outcome becomes Unknown,
// and is folded into the run: the step in progress is added to the run's
// steps, and an item in flight is kept as Unknown.
func (db *DB) MarkInterrupted(now time.Time) (int, error) {
	var keys [][]byte
	err := db.bolt.View(func(tx *bolt.Tx) error {
		keys = runningKeys(tx)
		return nil
	})
	if err != nil || len(keys) == 0 {
		return 0, err
	}
	n := 0
	err = db.bolt.Update(func(tx *bolt.Tx) error {
		for _, k := range runningKeys(tx) {
			if err := interrupt(tx, k, now); err != nil {
				return fmt.Errorf("mark run %d interrupted: %w", btoi(k), err)
			}
			n++
		}
		return nil
	})
	return n, err
}

// runningKeys returns the keys of the runs runs_active lists as running.
func runningKeys(tx *bolt.Tx) [][]byte {
	var keys [][]byte
	c := tx.Bucket(bucketRunsActive).Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if core.RunStatus(v) == core.RunRunning {
			keys = append(keys, append([]byte(nil), k...))
		}
	}
	return keys
}

func interrupt(tx *bolt.Tx, key []byte, now time.Time) error {
	var r core.Run
	if err := json.Unmarshal(tx.Bucket(bucketRuns).Get(key), &r); err != nil {
		return err
	}
	writes, unknown, err := settleJournal(tx, key, now, r.DryRun)
	if err != nil {
		return err
	}
	r.Status, r.FinishedAt, r.Error = core.RunInterrupted, now, interruptedMsg
	if r.DryRun {
		r.Error = interruptedDryMsg
	}
	if !r.StartedAt.IsZero() {
		r.DurationMs = now.Sub(r.StartedAt).Milliseconds()
	}
	if len(unknown) > 0 {
		r.Error += fmt.Sprintf(" %d write(s) were sent without an answer being recorded: their outcome is unknown, check them in the tracker.", len(unknown))
	}
	if err := addStepInProgress(tx, key, &r, writes, len(unknown) > 0); err != nil {
		return err
	}
	r.ID = btoi(key)
	return writeRunDoc(tx, &r)
}

// settleJournal settles every write in flight (see settleWrite). It
// returns every write of the run, settled, and those it made Unknown.
func settleJournal(tx *bolt.Tx, key []byte, now time.Time, dry bool) (all, unknown []core.WriteEntry, err error) {
	b := tx.Bucket(bucketRunWrites).Bucket(key)
	if b == nil {
		return nil, nil, nil
	}
	var settled []core.WriteEntry
	err = forEachEntry(b, func(k, v []byte) error {
		var w core.WriteEntry
		if err := json.Unmarshal(v, &w); err != nil {
			return fmt.Errorf("decode write %d: %w", btoi(k), err)
		}
		if w.Outcome == "" {
			w = settleWrite(w, now, dry)
			settled = append(settled, w)
			if w.Outcome == core.OutcomeUnknown {
				unknown = append(unknown, w)
			}
		}
		all = append(all, w)
		return nil
	})
	for _, w := range settled {
		if err := putJSON(b, itob(w.Seq), w); err != nil {
			return nil, nil, err
		}
	}
	return all, unknown, err
}

// settleWrite gives a write in flight when the app stopped its outcome:
// Unknown, as it may have been applied, or Not sent in a dry run (dry),
// which holds every write back.
func settleWrite(w core.WriteEntry, now time.Time, dry bool) core.WriteEntry {
	w.At = now
	if dry {
		w.Outcome = core.OutcomeNotSent
		return w
	}
	w.Outcome = core.OutcomeUnknown
	w.Error = "AffDesk stopped before the answer to this write was recorded: check in the tracker whether it was applied."
	return w
}

// addStepInProgress adds the result of the step the run was in when the
// app stopped, with the loop items that had been stored, finished or were
// in flight (rebuilt from writes, the run's journal, settled).
func addStepInProgress(tx *bolt.Tx, key []byte, r *core.Run, writes []core.WriteEntry, unknown bool) error {
	idx := len(r.Steps)
	if idx >= len(r.Snapshot.Steps) {
		return nil
	}
	s := r.Snapshot.Steps[idx]
	label := fmt.Sprint(idx + 1)
	res := core.StepResult{StepID: s.ID, Label: label, Name: s.Label(), Kind: s.Kind, Status: core.StepFailed,
		Error: "AffDesk stopped during this step."}
	if unknown {
		res.Status = core.StepUnknown
		res.Error += " A write in it has an unknown outcome: check it in the tracker."
	}
	if s.Kind == core.StepForEach {
		counts, err := foldItems(tx, key, label, writes, r.DryRun)
		if err != nil {
			return err
		}
		res.Items = counts
		res.Warnings = []string{"Only the items that were stored, or had a write recorded, when AffDesk stopped are listed."}
	}
	r.Steps = append(r.Steps, res)
	return nil
}
