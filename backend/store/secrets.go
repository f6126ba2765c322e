package store

import (
	"github.com/affdesk/affdesk/backend/core"
	bolt "go.etcd.io/bbolt"
)

// FileSecrets keeps secrets in the data file's secrets bucket. It is the
// fallback for machines with no OS keychain; the file is mode 0600.
type FileSecrets struct{ db *DB }

var _ core.SecretStore = FileSecrets{}

// Secrets returns the data-file secret store.
func (db *DB) Secrets() FileSecrets { return FileSecrets{db: db} }

// SetSecret stores value under key.
func (s FileSecrets) SetSecret(key, value string) error {
	return s.db.bolt.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketSecrets).Put([]byte(key), []byte(value))
	})
}

// GetSecret returns ENOTFOUND if nothing is stored under key.
func (s FileSecrets) GetSecret(key string) (string, error) {
	var out string
	err := s.db.bolt.View(func(tx *bolt.Tx) error {
		v := tx.Bucket(bucketSecrets).Get([]byte(key))
		if v == nil {
			return core.Errorf(core.ENOTFOUND, "No secret is stored for %s.", key)
		}
		out = string(v)
		return nil
	})
	return out, err
}

// DeleteSecret removes key; a missing key is not an error.
func (s FileSecrets) DeleteSecret(key string) error {
	return s.db.bolt.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketSecrets).Delete([]byte(key))
	})
}

// Backend names the store for the Settings page.
func (s FileSecrets) Backend() string { return "file" }
