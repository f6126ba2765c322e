package store

import (
	"encoding/json"
	"fmt"

	"github.com/affdesk/affdesk/backend/core"
	bolt "go.etcd.io/bbolt"
)

// Bucket names. Persisted: never rename one without a migration.
var (
	bucketMeta        = []byte("meta")
	bucketConnections = []byte("connections")
	bucketTemplates   = []byte("templates")
	bucketSecrets     = []byte("secrets")
	bucketSettings    = []byte("settings")
	bucketAutomations = []byte("automations")
	bucketRuns        = []byte("runs")
	bucketRunItems    = []byte("run_items")  // run ID -> loop label -> item index: core.Iteration
	bucketRunWrites   = []byte("run_writes") // run ID -> sequence: core.WriteEntry
	// bucketRunSummaries holds run ID -> what a listing shows (run_summary.go).
	bucketRunSummaries = []byte("run_summaries")
	// bucketRunsActive holds run ID -> status of every run running or
	// waiting for approval.
	bucketRunsActive = []byte("runs_active")
	keySchemaVersion = []byte("schema_version")
)

// migrations[i] brings a file from schema version i to i+1. Append only:
// a released step is never edited.
var migrations = []func(tx *bolt.Tx) error{
	migrateV1,
	migrateV2,
	migrateV3,
	migrateRunJournal,
	migrateRateStates,       // rate-limit states (ratestates.go)
	migrateScheduleSlots,    // schedule slot records (slots.go)
	migrateScheduleTriggers, // old schedule triggers become switched-off schedules (migrate_triggers.go)
	migrateRunSummaries,     // run summaries and the index of active runs (migrate_summaries.go)
}

// SchemaVersion is the version this build writes.
var SchemaVersion = uint64(len(migrations))

// migrateV1 creates the first release's buckets.
func migrateV1(tx *bolt.Tx) error {
	for _, name := range [][]byte{bucketConnections, bucketTemplates, bucketSecrets, bucketSettings} {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return fmt.Errorf("create bucket %s: %w", name, err)
		}
	}
	return nil
}

// DefaultRetries is what schema 2 gives templates saved before retries
// existed.
const DefaultRetries = 3

// migrateV2 gives templates saved by schema 1 the retry count that new
// templates start with; other new fields default to off.
func migrateV2(tx *bolt.Tx) error {
	b := tx.Bucket(bucketTemplates)
	return b.ForEach(func(k, v []byte) error {
		var rec map[string]any
		if err := json.Unmarshal(v, &rec); err != nil {
			return fmt.Errorf("decode template %d: %w", btoi(k), err)
		}
		if _, ok := rec["retries"]; ok {
			return nil
		}
		rec["retries"] = DefaultRetries
		out, err := json.Marshal(rec)
		if err != nil {
			return fmt.Errorf("encode template %d: %w", btoi(k), err)
		}
		return b.Put(k, out)
	})
}

// migrateV3 adds automations and their runs.
func migrateV3(tx *bolt.Tx) error {
	for _, name := range [][]byte{bucketAutomations, bucketRuns} {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return fmt.Errorf("create bucket %s: %w", name, err)
		}
	}
	return nil
}

// migrateRunJournal adds the buckets that keep every For Each item and the
// journal of every write, apart from the run documents.
func migrateRunJournal(tx *bolt.Tx) error {
	for _, name := range [][]byte{bucketRunItems, bucketRunWrites} {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return fmt.Errorf("create bucket %s: %w", name, err)
		}
	}
	return nil
}

// migrate runs every pending migration in one transaction, so a failure
// leaves the file as it was.
func (db *DB) migrate() error {
	return db.bolt.Update(func(tx *bolt.Tx) error {
		meta, err := tx.CreateBucketIfNotExists(bucketMeta)
		if err != nil {
			return fmt.Errorf("create meta bucket: %w", err)
		}
		v, err := readVersion(meta)
		if err != nil {
			return err
		}
		for ; v < SchemaVersion; v++ {
			if err := migrations[v](tx); err != nil {
				return fmt.Errorf("migrate schema %d to %d: %w", v, v+1, err)
			}
		}
		return meta.Put(keySchemaVersion, itob(v))
	})
}

func (db *DB) checkVersion() error {
	return db.bolt.View(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if meta == nil {
			return core.Errorf(core.EINVALID, "The data file %s has not been set up yet: start AffDesk once.", db.Path)
		}
		v, err := readVersion(meta)
		if err == nil && v < SchemaVersion {
			return core.Errorf(core.EINVALID, "The data file %s needs an upgrade: start AffDesk once.", db.Path)
		}
		return err
	})
}

func readVersion(meta *bolt.Bucket) (uint64, error) {
	raw := meta.Get(keySchemaVersion)
	if raw == nil {
		return 0, nil
	}
	if len(raw) != 8 {
		return 0, core.Errorf(core.EINVALID, "The data file's schema version is damaged.")
	}
	v := btoi(raw)
	if v > SchemaVersion {
		return 0, core.Errorf(core.EINVALID,
			"The data file was written by a newer AffDesk (schema %d; this build knows %d). Update AffDesk.", v, SchemaVersion)
	}
	return v, nil
}

// Version returns the schema version stored in the file.
func (db *DB) Version() (uint64, error) {
	var v uint64
	err := db.bolt.View(func(tx *bolt.Tx) error {
		var err error
		v, err = readVersion(tx.Bucket(bucketMeta))
		return err
	})
	return v, err
}
