package store

import (
	"encoding/json"
	"fmt"

	"github.com/affdesk/affdesk/backend/core"
	bolt "go.etcd.io/bbolt"
)

// ClaimApproval moves a run waiting for approval to running in one
// transaction and returns the run as stored: its top-level loops' items
// are not filled in and it has no write summary, so saving it back keeps
// the run document lean. Of two concurrent claims only one succeeds; the
// other gets ECONFLICT. Returns ENOTFOUND if no run has the ID.
func (db *DB) ClaimApproval(id uint64) (core.Run, error) {
	var r core.Run
	err := db.bolt.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketRuns)
		v := b.Get(itob(id))
		if v == nil {
			return core.Errorf(core.ENOTFOUND, "Run %d was not found.", id)
		}
		if err := json.Unmarshal(v, &r); err != nil {
			return fmt.Errorf("decode run %d: %w", id, err)
		}
		if r.Status != core.RunWaiting {
			return core.Errorf(core.ECONFLICT, "Run %d is not waiting for approval.", id)
		}
		r.Status = core.RunRunning
		return putRun(tx, &r)
	})
	if err != nil {
		return core.Run{}, err
	}
	return r, nil
}

// putRun writes a run's document. The parts a read fills in are left
// out: the write summary, and the items of a top-level loop whose items
// are stored apart (GetRun fills in their first page), so a run read,
// changed and saved again never copies them into the document.
func putRun(tx *bolt.Tx, r *core.Run) error {
	doc := *r
	doc.Writes = nil
	doc.Steps = storedSteps(tx, r.ID, r.Steps)
	return writeRunDoc(tx, &doc)
}

// storedSteps returns steps without the inline items of top-level loops
// whose items are kept in the run's items bucket; steps is not changed.
func storedSteps(tx *bolt.Tx, runID uint64, steps []core.StepResult) []core.StepResult {
	items := tx.Bucket(bucketRunItems).Bucket(itob(runID))
	if items == nil {
		return steps
	}
	var out []core.StepResult
	for i, st := range steps {
		if st.Kind != core.StepForEach || len(st.Iterations) == 0 || items.Bucket([]byte(st.Label)) == nil {
			continue
		}
		if out == nil {
			out = append([]core.StepResult(nil), steps...)
		}
		out[i].Iterations = nil
	}
	if out == nil {
		return steps
	}
	return out
}
