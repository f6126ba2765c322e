package store

import (
	"github.com/affdesk/affdesk/backend/core"
	bolt "go.etcd.io/bbolt"
)

// upgrade migrates the file to SchemaVersion, first copying it to the path
// backup gives when it holds data of an older schema (backup may be nil).
func (db *DB) upgrade(backup func(from, to uint64) string) error {
	from, err := db.storedVersion()
	if err != nil {
		return err
	}
	if backup != nil && from > 0 && from < SchemaVersion {
		if _, err := db.Backup(backup(from, SchemaVersion)); err != nil {
			return core.Errorf(core.EUNAVAILABLE, "The data file %s needs an upgrade, but no copy of it could be made first, so it was left as it was: %v.", db.Path, err)
		}
	}
	if from == SchemaVersion {
		return nil // nothing to write: opening an up-to-date file costs no fsync
	}
	return db.migrate()
}

// storedVersion returns the file's schema version: 0 for a new file.
func (db *DB) storedVersion() (uint64, error) {
	var v uint64
	err := db.bolt.View(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if meta == nil {
			return nil
		}
		var err error
		v, err = readVersion(meta)
		return err
	})
	return v, err
}
