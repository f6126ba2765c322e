package store

import (
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// MetaFlag reports whether the named one-time step (a migration done
// outside the schema, such as moving secrets) is recorded as done in the
// data file's meta bucket.
func (db *DB) MetaFlag(name string) (bool, error) {
	var set bool
	err := db.bolt.View(func(tx *bolt.Tx) error {
		set = tx.Bucket(bucketMeta).Get(flagKey(name)) != nil
		return nil
	})
	return set, err
}

// SetMetaFlag records the named one-time step as done, with the time it
// was done. Returns an error on a file opened read-only.
func (db *DB) SetMetaFlag(name string) error {
	err := db.bolt.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketMeta).Put(flagKey(name), []byte(db.now().UTC().Format("2006-01-02T15:04:05Z")))
	})
	if err != nil {
		return fmt.Errorf("record %s in the data file: %w", name, err)
	}
	return nil
}

func flagKey(name string) []byte { return []byte("done:" + name) }
