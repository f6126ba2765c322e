package store

import bolt "go.etcd.io/bbolt"

// Setting returns a stored setting, or "" when unset.
func (db *DB) Setting(key string) (string, error) {
	var out string
	err := db.bolt.View(func(tx *bolt.Tx) error {
		out = string(tx.Bucket(bucketSettings).Get([]byte(key)))
		return nil
	})
	return out, err
}

// SetSetting stores a setting.
func (db *DB) SetSetting(key, value string) error {
	return db.bolt.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketSettings).Put([]byte(key), []byte(value))
	})
}
