package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/affdesk/affdesk/backend/core"
	bolt "go.etcd.io/bbolt"
)

// bucketScheduleSlots holds one bucket per automation (8-byte ID), keyed
// by the slot's Unix seconds (8-byte big-endian), of core.SlotRecord.
var bucketScheduleSlots = []byte("schedule_slots")

// KeepSlots is how many slot records an automation keeps; older ones are
// removed as new ones are claimed.
const KeepSlots = 1000

// migrateScheduleSlots adds the bucket of schedule slot records.
func migrateScheduleSlots(tx *bolt.Tx) error {
	if _, err := tx.CreateBucketIfNotExists(bucketScheduleSlots); err != nil {
		return fmt.Errorf("create bucket %s: %w", bucketScheduleSlots, err)
	}
	return nil
}

// ClaimSlot implements core.SlotStore.
func (db *DB) ClaimSlot(automationID uint64, slot time.Time, rec core.SlotRecord) (bool, error) {
	rec.Slot = slot
	ok, err := db.ClaimSlots([]core.SlotClaim{{AutomationID: automationID, Record: rec}})
	if err != nil {
		return false, err
	}
	return ok[0], nil
}

// ClaimSlots implements core.SlotStore. It also trims each automation it
// writes to to its newest KeepSlots records.
func (db *DB) ClaimSlots(claims []core.SlotClaim) ([]bool, error) {
	out := make([]bool, len(claims))
	if len(claims) == 0 {
		return out, nil
	}
	err := db.bolt.Update(func(tx *bolt.Tx) error {
		clear(out)
		touched := map[uint64]*bolt.Bucket{}
		for i, c := range claims {
			b, err := tx.Bucket(bucketScheduleSlots).CreateBucketIfNotExists(itob(c.AutomationID))
			if err != nil {
				return fmt.Errorf("slots of automation %d: %w", c.AutomationID, err)
			}
			if out[i], err = claimIn(b, c); err != nil {
				return err
			}
			touched[c.AutomationID] = b
		}
		return trimSlots(touched)
	})
	return out, err
}

// claimIn writes c's record into b unless its slot is recorded already.
func claimIn(b *bolt.Bucket, c core.SlotClaim) (bool, error) {
	k := slotKey(c.Record.Slot)
	if b.Get(k) != nil {
		return false, nil
	}
	if err := putSlot(b, k, c); err != nil {
		return false, err
	}
	// The bucket's sequence counts its records, for trimSlots.
	if _, err := b.NextSequence(); err != nil {
		return false, fmt.Errorf("count slots of automation %d: %w", c.AutomationID, err)
	}
	return true, nil
}

func putSlot(b *bolt.Bucket, k []byte, c core.SlotClaim) error {
	rec := c.Record
	rec.Slot, rec.At = rec.Slot.UTC().Truncate(time.Second), rec.At.UTC()
	v, err := json.Marshal(rec)
	if err != nil {
		return fmt.Errorf("encode slot %s of automation %d: %w", rec.Slot, c.AutomationID, err)
	}
	if err := b.Put(k, v); err != nil {
		return fmt.Errorf("store slot %s of automation %d: %w", rec.Slot, c.AutomationID, err)
	}
	return nil
}

// trimSlots removes the oldest records of each bucket holding more than
// KeepSlots plus a tenth, down to KeepSlots, so trimming runs seldom.
func trimSlots(buckets map[uint64]*bolt.Bucket) error {
	for id, b := range buckets {
		n := b.Sequence()
		if n <= KeepSlots+KeepSlots/10 {
			continue
		}
		c := b.Cursor()
		for k, _ := c.First(); k != nil && n > KeepSlots; k, _ = c.First() {
			if err := b.Delete(k); err != nil {
				return fmt.Errorf("trim slots of automation %d: %w", id, err)
			}
			n--
		}
		if err := b.SetSequence(n); err != nil {
			return fmt.Errorf("trim slots of automation %d: %w", id, err)
		}
	}
	return nil
}

// UpdateSlots implements core.SlotStore.
func (db *DB) UpdateSlots(claims []core.SlotClaim) error {
	if len(claims) == 0 {
		return nil
	}
	return db.bolt.Update(func(tx *bolt.Tx) error {
		for _, c := range claims {
			b := tx.Bucket(bucketScheduleSlots).Bucket(itob(c.AutomationID))
			k := slotKey(c.Record.Slot)
			if b == nil || b.Get(k) == nil {
				return core.Errorf(core.ENOTFOUND, "Slot %s of automation %d has no record.", c.Record.Slot.UTC().Format(time.RFC3339), c.AutomationID)
			}
			if err := putSlot(b, k, c); err != nil {
				return err
			}
		}
		return nil
	})
}

// DeleteSlots implements core.SlotStore.
func (db *DB) DeleteSlots(automationID uint64) error {
	return db.bolt.Update(func(tx *bolt.Tx) error {
		err := tx.Bucket(bucketScheduleSlots).DeleteBucket(itob(automationID))
		if err == nil || errors.Is(err, bolt.ErrBucketNotFound) {
			return nil
		}
		return fmt.Errorf("delete slots of automation %d: %w", automationID, err)
	})
}

// slotKey is a slot's Unix seconds, 8-byte big-endian, so keys sort by time.
func slotKey(t time.Time) []byte { return itob(uint64(t.Unix())) }
