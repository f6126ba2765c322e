package store

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"time"

	"github.com/affdesk/affdesk/backend/core"
	bolt "go.etcd.io/bbolt"
)

// runSummary is what a run listing shows of a run, kept apart from the
// run document (run_summaries) so listing and pruning never decode one.
type runSummary struct {
	ID             uint64         `json:"id"`
	AutomationID   uint64         `json:"automationId"`
	AutomationName string         `json:"automationName"`
	Trigger        string         `json:"trigger"`
	DryRun         bool           `json:"dryRun,omitempty"`
	Status         core.RunStatus `json:"status"`
	StartedAt      time.Time      `json:"startedAt"`
	FinishedAt     time.Time      `json:"finishedAt"`
	DurationMs     int64          `json:"durationMs"`
	Error          string         `json:"error,omitempty"`
	Waiting        *core.Waiting  `json:"waiting,omitempty"`
}

// summaryHeader is the part of a stored summary a listing filters on,
// read without decoding the rest.
type summaryHeader struct {
	AutomationID uint64
	Status       core.RunStatus
}

// encodeSummary lays a summary out as its automation ID (8 bytes, big
// endian), the length of its status (1 byte), the status, then the whole
// summary as JSON.
func encodeSummary(r *core.Run) ([]byte, error) {
	s := runSummary{ID: r.ID, AutomationID: r.AutomationID, AutomationName: r.AutomationName, Trigger: r.Trigger,
		DryRun: r.DryRun, Status: r.Status, StartedAt: r.StartedAt, FinishedAt: r.FinishedAt, DurationMs: r.DurationMs,
		Error: r.Error, Waiting: r.Waiting}
	body, err := json.Marshal(&s)
	if err != nil {
		return nil, fmt.Errorf("encode summary of run %d: %w", r.ID, err)
	}
	if len(r.Status) > 255 {
		return nil, fmt.Errorf("encode summary of run %d: status %q is too long", r.ID, r.Status)
	}
	out := make([]byte, 0, 9+len(r.Status)+len(body))
	out = binary.BigEndian.AppendUint64(out, r.AutomationID)
	out = append(out, byte(len(r.Status)))
	out = append(out, r.Status...)
	return append(out, body...), nil
}

// decodeHeader reads a stored summary's header and returns where its JSON
// starts.
func decodeHeader(v []byte) (summaryHeader, int, error) {
	if len(v) < 9 || len(v) < 9+int(v[8]) {
		return summaryHeader{}, 0, fmt.Errorf("run summary of %d bytes is cut short", len(v))
	}
	end := 9 + int(v[8])
	return summaryHeader{AutomationID: binary.BigEndian.Uint64(v), Status: core.RunStatus(v[9:end])}, end, nil
}

// decodeSummary returns a stored summary as a run without step details.
func decodeSummary(v []byte) (core.Run, error) {
	_, at, err := decodeHeader(v)
	if err != nil {
		return core.Run{}, err
	}
	var s runSummary
	if err := json.Unmarshal(v[at:], &s); err != nil {
		return core.Run{}, fmt.Errorf("decode run summary: %w", err)
	}
	return core.Run{ID: s.ID, AutomationID: s.AutomationID, AutomationName: s.AutomationName, Trigger: s.Trigger,
		DryRun: s.DryRun, Status: s.Status, StartedAt: s.StartedAt, FinishedAt: s.FinishedAt, DurationMs: s.DurationMs,
		Error: s.Error, Waiting: s.Waiting}, nil
}

// writeRunDoc stores a run document as given, with its summary and its
// place in the index of runs not yet finished, in the same transaction;
// once the run has finished, its items and journal are packed.
func writeRunDoc(tx *bolt.Tx, r *core.Run) error {
	v, err := json.Marshal(r)
	if err != nil {
		return fmt.Errorf("encode run %d: %w", r.ID, err)
	}
	if err := tx.Bucket(bucketRuns).Put(itob(r.ID), v); err != nil {
		return fmt.Errorf("store run %d: %w", r.ID, err)
	}
	if err := indexRun(tx, r); err != nil {
		return err
	}
	if r.Status.Finished() {
		return packRun(tx, itob(r.ID))
	}
	return nil
}

// indexRun writes a run's summary and keeps runs_active holding exactly
// the runs running or waiting for approval (run ID -> status). The
// sequence of run_summaries counts the summaries it holds.
func indexRun(tx *bolt.Tx, r *core.Run) error {
	sum, err := encodeSummary(r)
	if err != nil {
		return err
	}
	key := itob(r.ID)
	sums := tx.Bucket(bucketRunSummaries)
	if sums.Get(key) == nil {
		if err := sums.SetSequence(sums.Sequence() + 1); err != nil {
			return fmt.Errorf("count run %d: %w", r.ID, err)
		}
	}
	if err := sums.Put(key, sum); err != nil {
		return fmt.Errorf("store summary of run %d: %w", r.ID, err)
	}
	active := tx.Bucket(bucketRunsActive)
	if r.Status.Finished() {
		err = active.Delete(key)
	} else {
		err = active.Put(key, []byte(r.Status))
	}
	if err != nil {
		return fmt.Errorf("index run %d: %w", r.ID, err)
	}
	return nil
}

// deleteRun removes a run's document, summary, index entry, items and
// write journal.
func deleteRun(tx *bolt.Tx, key []byte) error {
	sums := tx.Bucket(bucketRunSummaries)
	if sums.Get(key) != nil {
		if err := sums.SetSequence(sums.Sequence() - 1); err != nil {
			return fmt.Errorf("count run %d: %w", btoi(key), err)
		}
	}
	for _, name := range [][]byte{bucketRuns, bucketRunSummaries, bucketRunsActive} {
		if err := tx.Bucket(name).Delete(key); err != nil {
			return fmt.Errorf("delete %s of run %d: %w", name, btoi(key), err)
		}
	}
	return deleteRunDetail(tx, key)
}
