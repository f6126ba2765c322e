package store

import (
	"encoding/json"
	"fmt"
	"reflect"

	"github.com/affdesk/affdesk/backend/core"
	bolt "go.etcd.io/bbolt"
)

// list decodes every value of a bucket, in key order.
func list[T any](db *DB, bucket []byte) ([]T, error) {
	out := []T{}
	err := db.bolt.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucket).ForEach(func(_, v []byte) error {
			var rec T
			if err := json.Unmarshal(v, &rec); err != nil {
				return fmt.Errorf("decode %s record: %w", bucket, err)
			}
			out = append(out, rec)
			return nil
		})
	})
	return out, err
}

// get decodes one record; ENOTFOUND names what is missing.
func get[T any](db *DB, bucket []byte, id uint64, what string) (T, error) {
	var rec T
	err := db.bolt.View(func(tx *bolt.Tx) error {
		v := tx.Bucket(bucket).Get(itob(id))
		if v == nil {
			return core.Errorf(core.ENOTFOUND, "%s %d was not found.", what, id)
		}
		return json.Unmarshal(v, &rec)
	})
	return rec, err
}

// save stores rec. When its ID is 0 it gets the next sequence number;
// otherwise the record must already exist (ENOTFOUND if not). On failure rec
// keeps the ID and times it had.
func save[R core.Record](db *DB, bucket []byte, what string, rec R) error {
	id, now := rec.RecordID(), db.now().UTC()
	return db.bolt.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucket)
		newID := id
		if newID == 0 {
			seq, err := b.NextSequence()
			if err != nil {
				return fmt.Errorf("next %s id: %w", what, err)
			}
			newID = seq
		} else if b.Get(itob(newID)) == nil {
			return core.Errorf(core.ENOTFOUND, "%s %d was not found.", what, newID)
		}
		stamped := copyOf(rec)
		stamped.Stamp(newID, now)
		v, err := json.Marshal(stamped)
		if err != nil {
			return fmt.Errorf("encode %s %d: %w", what, newID, err)
		}
		if err := b.Put(itob(newID), v); err != nil {
			return fmt.Errorf("store %s %d: %w", what, newID, err)
		}
		rec.Stamp(newID, now)
		return nil
	})
}

// copyOf returns a shallow copy of the record r points to, so stamping the
// copy leaves r untouched until the write succeeds.
func copyOf[R core.Record](r R) R {
	v := reflect.New(reflect.TypeOf(r).Elem())
	v.Elem().Set(reflect.ValueOf(r).Elem())
	return v.Interface().(R)
}

// del removes a record; ENOTFOUND if it is missing.
func del(db *DB, bucket []byte, id uint64, what string) error {
	return db.bolt.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucket)
		if b.Get(itob(id)) == nil {
			return core.Errorf(core.ENOTFOUND, "%s %d was not found.", what, id)
		}
		return b.Delete(itob(id))
	})
}
