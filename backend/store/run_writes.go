package store

import (
	"encoding/json"
	"fmt"

	"github.com/affdesk/affdesk/backend/core"
	bolt "go.etcd.io/bbolt"
)

var _ core.WriteJournal = (*DB)(nil)

// BeginWrite records a write's intent under run_writes/<run ID>/<seq> (a
// JSON core.WriteEntry with an empty outcome) and sets w.Seq. It returns
// once the transaction is on disk; parallel callers share one fsync.
func (db *DB) BeginWrite(w *core.WriteEntry) error {
	w.Outcome = ""
	if w.At.IsZero() {
		w.At = db.now().UTC()
	}
	return db.group(func(tx *bolt.Tx) error {
		b, err := nestedBucket(tx.Bucket(bucketRunWrites), itob(w.RunID))
		if err != nil {
			return fmt.Errorf("journal of run %d: %w", w.RunID, err)
		}
		seq, err := b.NextSequence()
		if err != nil {
			return fmt.Errorf("journal of run %d: %w", w.RunID, err)
		}
		entry := *w
		entry.Seq = seq
		if err := putJSON(b, itob(seq), entry); err != nil {
			return err
		}
		w.Seq = seq
		return nil
	})
}

// EndWrite records a write's outcome in place of its intent.
func (db *DB) EndWrite(w core.WriteEntry) error {
	if w.Seq == 0 {
		return fmt.Errorf("end write of run %d: the write was never begun", w.RunID)
	}
	return db.group(func(tx *bolt.Tx) error {
		b, err := nestedBucket(tx.Bucket(bucketRunWrites), itob(w.RunID))
		if err != nil {
			return fmt.Errorf("journal of run %d: %w", w.RunID, err)
		}
		return putJSON(b, itob(w.Seq), w)
	})
}

// Writes returns a run's journal in the order the writes began.
func (db *DB) Writes(runID uint64) ([]core.WriteEntry, error) {
	out := []core.WriteEntry{}
	err := db.bolt.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketRunWrites).Bucket(itob(runID))
		if b == nil {
			return nil
		}
		return forEachEntry(b, func(k, v []byte) error {
			var w core.WriteEntry
			if err := json.Unmarshal(v, &w); err != nil {
				return fmt.Errorf("decode write %d of run %d: %w", btoi(k), runID, err)
			}
			out = append(out, w)
			return nil
		})
	})
	return out, err
}

// summarize counts writes by outcome; a write still in flight counts as
// unknown.
func summarize(ws []core.WriteEntry) *core.WriteSummary {
	if len(ws) == 0 {
		return nil
	}
	s := &core.WriteSummary{}
	for _, w := range ws {
		switch w.Outcome {
		case core.OutcomeSent:
			s.Sent++
		case core.OutcomeNotSent:
			s.NotSent++
		default:
			s.Unknown++
			s.UnknownWrites = append(s.UnknownWrites, w)
		}
	}
	return s
}

func putJSON(b *bolt.Bucket, key []byte, x any) error {
	v, err := json.Marshal(x)
	if err != nil {
		return fmt.Errorf("encode %x: %w", key, err)
	}
	return b.Put(key, v)
}
