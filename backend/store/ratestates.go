package store

import (
	"encoding/json"
	"fmt"

	"github.com/affdesk/affdesk/backend/core"
	bolt "go.etcd.io/bbolt"
)

// bucketRateStates holds each connection's rate-limit state, keyed by its
// rate key (the connection's ID in decimal), as JSON.
var bucketRateStates = []byte("rate_states")

// GetRateState returns the rate state stored under key, or the zero state
// when none is. A damaged entry is an EINTERNAL error naming the key; the
// request limiter then treats it as empty.
func (db *DB) GetRateState(key string) (core.RateState, error) {
	var s core.RateState
	err := db.bolt.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketRateStates)
		if b == nil {
			return nil
		}
		raw := b.Get([]byte(key))
		if raw == nil {
			return nil
		}
		if err := json.Unmarshal(raw, &s); err != nil {
			s = core.RateState{}
			return core.Errorf(core.EINTERNAL, "The rate-limit state of connection %s is damaged: %v.", key, err)
		}
		return nil
	})
	return s, err
}

// SaveRateState replaces the rate state stored under key.
func (db *DB) SaveRateState(key string, s core.RateState) error {
	raw, err := json.Marshal(s)
	if err != nil {
		return fmt.Errorf("encode rate state %s: %w", key, err)
	}
	return db.bolt.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketRateStates)
		if b == nil {
			return core.Errorf(core.EINTERNAL, "The data file has no rate-limit bucket: start AffDesk once to upgrade it.")
		}
		return b.Put([]byte(key), raw)
	})
}

// migrateRateStates adds the bucket of rate-limit states, so the quota a run used
// is still known to the next process.
func migrateRateStates(tx *bolt.Tx) error {
	if _, err := tx.CreateBucketIfNotExists(bucketRateStates); err != nil {
		return fmt.Errorf("create bucket %s: %w", bucketRateStates, err)
	}
	return nil
}
