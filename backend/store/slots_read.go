package store

import (
	"encoding/json"
	"fmt"

	"github.com/affdesk/affdesk/backend/core"
	bolt "go.etcd.io/bbolt"
)

// LastSlot implements core.SlotStore.
func (db *DB) LastSlot(automationID uint64) (core.SlotRecord, bool, error) {
	var rec core.SlotRecord
	var found bool
	err := db.bolt.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketScheduleSlots).Bucket(itob(automationID))
		if b == nil {
			return nil
		}
		_, v := b.Cursor().Last()
		if v == nil {
			return nil
		}
		found = true
		return decodeSlot(v, &rec, automationID)
	})
	return rec, found, err
}

// SlotSummary implements core.SlotStore: it reads back from the newest
// record to the newest fired one.
func (db *DB) SlotSummary(automationID uint64) (core.SlotSummary, error) {
	var sum core.SlotSummary
	err := db.bolt.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketScheduleSlots).Bucket(itob(automationID))
		if b == nil {
			return nil
		}
		c := b.Cursor()
		for k, v := c.Last(); k != nil && sum.LastFired == nil; k, v = c.Prev() {
			var rec core.SlotRecord
			if err := decodeSlot(v, &rec, automationID); err != nil {
				return err
			}
			tally(&sum, rec)
		}
		return nil
	})
	return sum, err
}

// tally adds one record, read newest first, to the summary.
func tally(sum *core.SlotSummary, rec core.SlotRecord) {
	if sum.Last == nil {
		sum.Last = &rec
	}
	switch rec.Status {
	case core.SlotFired:
		sum.LastFired = &rec
	case core.SlotMissed:
		sum.Missed++
	case core.SlotSkipped:
		sum.Skipped++
	}
}

func decodeSlot(v []byte, rec *core.SlotRecord, automationID uint64) error {
	if err := json.Unmarshal(v, rec); err != nil {
		return fmt.Errorf("decode slot of automation %d: %w", automationID, err)
	}
	return nil
}

// Slots implements core.SlotStore.
func (db *DB) Slots(automationID uint64, limit int) ([]core.SlotRecord, error) {
	out := []core.SlotRecord{}
	err := db.bolt.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketScheduleSlots).Bucket(itob(automationID))
		if b == nil {
			return nil
		}
		c := b.Cursor()
		for k, v := c.Last(); k != nil && (limit <= 0 || len(out) < limit); k, v = c.Prev() {
			var rec core.SlotRecord
			if err := decodeSlot(v, &rec, automationID); err != nil {
				return err
			}
			out = append(out, rec)
		}
		return nil
	})
	return out, err
}
