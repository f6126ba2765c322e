package service_test

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/affdesk/affdesk/app/internal/testkit"
	"github.com/affdesk/affdesk/app/service"
	"github.com/affdesk/affdesk/backend/store"
)

// TestUpgradeKeepsACopyOfTheOldFile proves a data file of an older schema
// is copied, as it was, to the backups folder before it is migrated, and
// a new data folder gets no such copy.
func TestUpgradeKeepsACopyOfTheOldFile(t *testing.T) {
	dir := t.TempDir()
	db, err := bolt.Open(filepath.Join(dir, store.FileName), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		meta, _ := tx.CreateBucket([]byte("meta"))
		for _, name := range []string{"connections", "templates", "secrets", "settings"} {
			if _, err := tx.CreateBucket([]byte(name)); err != nil {
				return err
			}
		}
		return meta.Put([]byte("schema_version"), binary.BigEndian.AppendUint64(nil, 1))
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	s, err := service.Open(service.Config{DataDir: dir, Secrets: testkit.MemSecrets{}, Now: func() time.Time { return testkit.Fixed }})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	copies, _ := filepath.Glob(filepath.Join(service.BackupsDir(dir), "affdesk-before-upgrade-*.db"))
	if len(copies) != 1 {
		t.Fatalf("copies before the upgrade: %v", copies)
	}
	if v, err := store.CheckFile(copies[0], "the copy"); err != nil || v != 1 {
		t.Fatalf("the copy holds schema %d (%v), want the old file's 1", v, err)
	}
	fresh := t.TempDir()
	s, err = service.Open(service.Config{DataDir: fresh, Secrets: testkit.MemSecrets{}, Now: func() time.Time { return testkit.Fixed }})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	entries, _ := os.ReadDir(service.BackupsDir(fresh))
	for _, e := range entries {
		if strings.Contains(e.Name(), "before-upgrade") {
			t.Fatalf("a new data folder got an upgrade copy: %s", e.Name())
		}
	}
}
