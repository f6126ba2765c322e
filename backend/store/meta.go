package store

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"

	"github.com/affdesk/affdesk/backend/core"
	bolt "go.etcd.io/bbolt"
)

// keyInstallID names the data file's install ID in the meta bucket.
var keyInstallID = []byte("install_id")

// InstallID returns the data file's install ID: 32 random hex digits,
// created on first use and kept in the meta bucket, so that secrets kept
// outside the file (the OS keychain) are filed under it and belong to this
// file alone. A file opened read-only that has no ID yet returns ENOTFOUND.
func (db *DB) InstallID() (string, error) {
	id, err := db.readInstallID()
	if err != nil || id != "" {
		return id, err
	}
	if db.bolt.IsReadOnly() {
		return "", core.Errorf(core.ENOTFOUND, "The data file %s has no install ID yet: start AffDesk once.", db.Path)
	}
	err = db.bolt.Update(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if v := meta.Get(keyInstallID); v != nil {
			id = string(v)
			return nil
		}
		b := make([]byte, 16)
		if _, err := rand.Read(b); err != nil {
			return fmt.Errorf("create install ID: %w", err)
		}
		id = hex.EncodeToString(b)
		return meta.Put(keyInstallID, []byte(id))
	})
	return id, err
}

func (db *DB) readInstallID() (string, error) {
	var id string
	err := db.bolt.View(func(tx *bolt.Tx) error {
		if v := tx.Bucket(bucketMeta).Get(keyInstallID); v != nil {
			id = string(v)
		}
		return nil
	})
	return id, err
}

// ReadOnly reports whether the file was opened for reading only.
func (db *DB) ReadOnly() bool { return db.bolt.IsReadOnly() }
