package store_test

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/store"
	bolt "go.etcd.io/bbolt"
)

var fixed = time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)

// MustOpen opens a store in dir (a fresh temp dir when empty) with a fixed clock.
func MustOpen(tb testing.TB, dir string) *store.DB {
	tb.Helper()
	if dir == "" {
		dir = tb.TempDir()
	}
	db, err := store.Open(dir, store.WithClock(func() time.Time { return fixed }))
	if err != nil {
		tb.Fatalf("open: %v", err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

func TestOpenCreatesPrivateFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "nested", "AffDesk")
	db := MustOpen(t, dir)
	st, err := os.Stat(db.Path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("file mode = %v, want 0600", st.Mode().Perm())
	}
	if v, err := db.Version(); err != nil || v != store.SchemaVersion {
		t.Errorf("version = %d, %v; want %d", v, err, store.SchemaVersion)
	}
}

func TestSecondOpenFailsFast(t *testing.T) {
	dir := t.TempDir()
	MustOpen(t, dir)
	start := time.Now()
	_, err := store.Open(dir, store.WithTimeout(200*time.Millisecond))
	if core.ErrorCode(err) != core.EUNAVAILABLE {
		t.Fatalf("second open: code %q (%v), want unavailable", core.ErrorCode(err), err)
	}
	if time.Since(start) > 3*time.Second {
		t.Errorf("second open took %v", time.Since(start))
	}
}

func TestNewerSchemaIsRefused(t *testing.T) {
	dir := t.TempDir()
	db := MustOpen(t, dir)
	path := db.Path
	db.Close()
	b, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = b.Update(func(tx *bolt.Tx) error {
		v := make([]byte, 8)
		binary.BigEndian.PutUint64(v, store.SchemaVersion+1)
		return tx.Bucket([]byte("meta")).Put([]byte("schema_version"), v)
	})
	b.Close()
	if err != nil {
		t.Fatal(err)
	}
	_, err = store.Open(dir)
	if core.ErrorCode(err) != core.EINVALID {
		t.Fatalf("open newer file: %v", err)
	}
}

func TestMigratesAnUnversionedFile(t *testing.T) {
	dir := t.TempDir()
	b, err := bolt.Open(filepath.Join(dir, store.FileName), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	b.Close()
	db := MustOpen(t, dir)
	if v, _ := db.Version(); v != store.SchemaVersion {
		t.Fatalf("version after migration = %d", v)
	}
	c := core.Connection{Name: "A", Platform: core.PlatformDemo, Timezone: "UTC"}
	if err := db.SaveConnection(&c); err != nil {
		t.Fatalf("save after migration: %v", err)
	}
}

func TestReadOnlyNeedsSetUpFile(t *testing.T) {
	if _, err := store.Open(t.TempDir(), store.ReadOnly()); err == nil {
		t.Fatal("read-only open of an empty folder succeeded")
	}
}

func TestConnectionsRoundTripAndSurviveRestart(t *testing.T) {
	dir := t.TempDir()
	db := MustOpen(t, dir)
	c := core.Connection{Name: "Acme", Platform: core.PlatformAffiseAdmin, Timezone: "Europe/Berlin",
		Settings: map[string]string{"base_url": "https://api-acme.affise.com"}, SecretMasks: map[string]string{"api_key": "••••abcd"}}
	if err := db.SaveConnection(&c); err != nil {
		t.Fatal(err)
	}
	if c.ID != 1 || !c.CreatedAt.Equal(fixed) || !c.UpdatedAt.Equal(fixed) {
		t.Fatalf("stamped %+v", c)
	}
	second := core.Connection{Name: "B", Platform: core.PlatformDemo, Timezone: "UTC"}
	if err := db.SaveConnection(&second); err != nil || second.ID != 2 {
		t.Fatalf("second id %d, %v", second.ID, err)
	}
	db.Close()

	db = MustOpen(t, dir)
	got, err := db.GetConnection(1)
	if err != nil || got.Name != "Acme" || got.Settings["base_url"] != "https://api-acme.affise.com" || got.SecretMasks["api_key"] != "••••abcd" {
		t.Fatalf("after restart: %+v, %v", got, err)
	}
	all, _ := db.ListConnections()
	if len(all) != 2 || all[0].ID != 1 || all[1].ID != 2 {
		t.Fatalf("list = %+v", all)
	}
	if err := db.DeleteConnection(1); err != nil {
		t.Fatal(err)
	}
	if _, err := db.GetConnection(1); core.ErrorCode(err) != core.ENOTFOUND {
		t.Fatalf("get deleted: %v", err)
	}
	if err := db.DeleteConnection(1); core.ErrorCode(err) != core.ENOTFOUND {
		t.Fatalf("delete twice: %v", err)
	}
}

func TestSaveUnknownIDLeavesRecordUntouched(t *testing.T) {
	db := MustOpen(t, "")
	tpl := core.ActionTemplate{ID: 99, Name: "ghost"}
	err := db.SaveTemplate(&tpl)
	if core.ErrorCode(err) != core.ENOTFOUND {
		t.Fatalf("save unknown id: %v", err)
	}
	if tpl.ID != 99 || !tpl.CreatedAt.IsZero() {
		t.Errorf("failed save changed the record: %+v", tpl)
	}
}

func TestTemplatesKeepCreatedAt(t *testing.T) {
	now := fixed
	db, err := store.Open(t.TempDir(), store.WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	tpl := core.ActionTemplate{Name: "List", Params: []core.Param{{Name: "CampaignId", In: core.InQuery, Type: core.TypeInteger}}}
	if err := db.SaveTemplate(&tpl); err != nil {
		t.Fatal(err)
	}
	now = fixed.Add(time.Hour)
	tpl.Name = "List actions"
	if err := db.SaveTemplate(&tpl); err != nil {
		t.Fatal(err)
	}
	got, _ := db.GetTemplate(tpl.ID)
	if !got.CreatedAt.Equal(fixed) || !got.UpdatedAt.Equal(now) || got.Name != "List actions" || got.Params[0].Name != "CampaignId" {
		t.Fatalf("got %+v", got)
	}
}

func TestFileSecretsAndSettings(t *testing.T) {
	db := MustOpen(t, "")
	s := db.Secrets()
	if _, err := s.GetSecret("k"); core.ErrorCode(err) != core.ENOTFOUND {
		t.Fatalf("missing secret: %v", err)
	}
	if err := s.SetSecret("k", "v1"); err != nil {
		t.Fatal(err)
	}
	if v, err := s.GetSecret("k"); v != "v1" || err != nil {
		t.Fatalf("get = %q, %v", v, err)
	}
	if err := s.DeleteSecret("k"); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteSecret("k"); err != nil {
		t.Fatalf("deleting a missing secret: %v", err)
	}
	if s.Backend() != "file" {
		t.Errorf("backend = %q", s.Backend())
	}
	if err := db.SetSetting("theme", "dark"); err != nil {
		t.Fatal(err)
	}
	if v, _ := db.Setting("theme"); v != "dark" {
		t.Errorf("setting = %q", v)
	}
	if v, _ := db.Setting("unset"); v != "" {
		t.Errorf("unset setting = %q", v)
	}
}

// TestMigratesV1TemplatesToV2 writes a file as the first release did (a
// template with no retries field, schema 1) and checks the upgrade.
func TestMigratesV1TemplatesToV2(t *testing.T) {
	dir := t.TempDir()
	b, err := bolt.Open(filepath.Join(dir, store.FileName), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	v1 := `{"id":1,"name":"List","connectionId":1,"platform":"impact","kind":"get","method":"GET","path":"/Actions","params":[],"bodyEncoding":"form","notes":""}`
	err = b.Update(func(tx *bolt.Tx) error {
		meta, _ := tx.CreateBucket([]byte("meta"))
		ver := make([]byte, 8)
		binary.BigEndian.PutUint64(ver, 1)
		meta.Put([]byte("schema_version"), ver)
		for _, name := range []string{"connections", "secrets", "settings"} {
			tx.CreateBucket([]byte(name))
		}
		tpls, _ := tx.CreateBucket([]byte("templates"))
		tpls.SetSequence(1)
		key := make([]byte, 8)
		binary.BigEndian.PutUint64(key, 1)
		return tpls.Put(key, []byte(v1))
	})
	b.Close()
	if err != nil {
		t.Fatal(err)
	}
	db := MustOpen(t, dir)
	if v, _ := db.Version(); v != store.SchemaVersion || v < 2 {
		t.Fatalf("version %d", v)
	}
	got, err := db.GetTemplate(1)
	if err != nil || got.Retries != store.DefaultRetries || got.Name != "List" || got.Pagination.Enabled() {
		t.Fatalf("migrated template %+v, %v", got, err)
	}
	got.Retries = 0
	if err := db.SaveTemplate(&got); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db = MustOpen(t, dir)
	if again, _ := db.GetTemplate(1); again.Retries != 0 {
		t.Fatalf("reopening re-ran the migration: retries %d", again.Retries)
	}
}

// TestOldScheduleTriggersBecomeSwitchedOffSchedules writes an automation
// as schema 3 stored it, with a schedule trigger that never fired, and
// checks the upgrade keeps its expression as a cron schedule, switched
// off, while an automation run by hand gets none.
func TestOldScheduleTriggersBecomeSwitchedOffSchedules(t *testing.T) {
	dir := t.TempDir()
	b, err := bolt.Open(filepath.Join(dir, store.FileName), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	old := map[uint64]string{
		1: `{"id":1,"name":"Weekly","trigger":{"kind":"schedule","cron":"0 9 * * MON","timezone":"Europe/Berlin"},"steps":[]}`,
		2: `{"id":2,"name":"By hand","trigger":{"kind":"manual"},"steps":[]}`,
	}
	err = b.Update(func(tx *bolt.Tx) error {
		meta, _ := tx.CreateBucket([]byte("meta"))
		meta.Put([]byte("schema_version"), binary.BigEndian.AppendUint64(nil, 3))
		for _, name := range []string{"connections", "templates", "secrets", "settings", "runs"} {
			tx.CreateBucket([]byte(name))
		}
		autos, _ := tx.CreateBucket([]byte("automations"))
		for id, v := range old {
			if err := autos.Put(binary.BigEndian.AppendUint64(nil, id), []byte(v)); err != nil {
				return err
			}
		}
		return nil
	})
	b.Close()
	if err != nil {
		t.Fatal(err)
	}
	db := MustOpen(t, dir)
	weekly, err := db.GetAutomation(1)
	if err != nil || weekly.Schedule == nil {
		t.Fatalf("weekly %+v, %v", weekly, err)
	}
	if s := weekly.Schedule; s.Enabled || s.Kind != "cron" || s.Cron != "0 9 * * MON" || s.Timezone != "Europe/Berlin" {
		t.Fatalf("schedule %+v", s)
	}
	if byHand, _ := db.GetAutomation(2); byHand.Schedule != nil {
		t.Fatalf("a manual automation got a schedule: %+v", byHand.Schedule)
	}
}
