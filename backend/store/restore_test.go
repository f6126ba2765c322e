package store_test

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/store"
	bolt "go.etcd.io/bbolt"
)

// rawBolt writes a bbolt file at path filled by fill.
func rawBolt(tb testing.TB, path string, fill func(tx *bolt.Tx) error) {
	tb.Helper()
	b, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		tb.Fatal(err)
	}
	defer b.Close()
	if err := b.Update(fill); err != nil {
		tb.Fatal(err)
	}
}

// versionBolt writes a bbolt file with AffDesk's meta bucket at schema v.
func versionBolt(tb testing.TB, path string, v uint64) {
	rawBolt(tb, path, func(tx *bolt.Tx) error {
		meta, err := tx.CreateBucket([]byte("meta"))
		if err != nil {
			return err
		}
		return meta.Put([]byte("schema_version"), binary.BigEndian.AppendUint64(nil, v))
	})
}

// backupOf writes a backup of a seeded data file and returns its path.
func backupOf(tb testing.TB) string {
	tb.Helper()
	db := MustOpen(tb, "")
	seed(tb, db)
	out := filepath.Join(tb.TempDir(), "backup.db")
	if _, err := db.Backup(out); err != nil {
		tb.Fatal(err)
	}
	return out
}

func TestRestoreRefusesWhatIsNotAnAffDeskFile(t *testing.T) {
	src := t.TempDir()
	text := filepath.Join(src, "notes.txt")
	os.WriteFile(text, []byte(strings.Repeat("not a database\n", 800)), 0o600)
	random := filepath.Join(src, "random.db")
	rawBolt(t, random, func(tx *bolt.Tx) error {
		b, err := tx.CreateBucket([]byte("things"))
		if err == nil {
			err = b.Put([]byte("k"), []byte("v"))
		}
		return err
	})
	newer := filepath.Join(src, "newer.db")
	versionBolt(t, newer, store.SchemaVersion+1)
	whole, _ := os.ReadFile(backupOf(t))
	truncated := filepath.Join(src, "truncated.db")
	os.WriteFile(truncated, whole[:len(whole)/2], 0o600)
	onePage := filepath.Join(src, "one-page.db")
	os.WriteFile(onePage, whole[:os.Getpagesize()], 0o600)

	scrambled := filepath.Join(src, "scrambled.db")
	page := os.Getpagesize()
	os.WriteFile(scrambled, append(bytes.Clone(whole[:2*page]), bytes.Repeat([]byte{0xA5}, len(whole)-2*page)...), 0o600)

	tests := []struct{ name, path, want string }{
		{"text file", text, "not a database"},
		{"other bbolt file", random, "without AffDesk's schema version"},
		{"newer schema", newer, "newer AffDesk"},
		{"truncated", truncated, "damaged"},
		{"scrambled", scrambled, "damaged"},
		{"one page", onePage, "file size too small"},
		{"missing", filepath.Join(src, "nope.db"), "Cannot read"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			db := MustOpen(t, dir)
			seed(t, db)
			db.Close()
			before, _ := os.ReadFile(filepath.Join(dir, store.FileName))
			_, err := store.Restore(dir, tt.path, filepath.Join(dir, "backups", "safety.db"))
			if core.ErrorCode(err) != core.EINVALID || !strings.Contains(core.ErrorMessage(err), tt.want) {
				t.Fatalf("restore %s: %v, want EINVALID with %q", tt.name, err, tt.want)
			}
			if testing.Verbose() {
				t.Log(err)
			}
			assertUntouched(t, dir, before)
		})
	}
}

// assertUntouched checks that the data file in dir still holds before and
// that no safety copy or temporary file was made.
func assertUntouched(tb testing.TB, dir string, before []byte) {
	tb.Helper()
	after, _ := os.ReadFile(filepath.Join(dir, store.FileName))
	if !bytes.Equal(before, after) {
		tb.Error("the data file changed")
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name() != store.FileName {
			tb.Errorf("left %s behind", e.Name())
		}
	}
}

func TestRestoreRefusesWhileAnotherProcessHoldsTheFile(t *testing.T) {
	dir := t.TempDir()
	db := MustOpen(t, dir)
	seed(t, db)
	before, _ := os.ReadFile(db.Path)
	_, err := store.Restore(dir, backupOf(t), filepath.Join(dir, "backups", "safety.db"), store.WithTimeout(50*time.Millisecond))
	if core.ErrorCode(err) != core.EUNAVAILABLE || !strings.Contains(core.ErrorMessage(err), "in use") {
		t.Fatalf("restore over a held file: %v", err)
	}
	assertUntouched(t, dir, before)
}

func TestRestoreReplacesTheDataAndKeepsTheOld(t *testing.T) {
	src := backupOf(t)
	ref := MustOpen(t, "")
	seed(t, ref)
	want := records(t, ref)

	dir := t.TempDir()
	db := MustOpen(t, dir)
	c := core.Connection{Name: "Only here", Platform: core.PlatformDemo, Timezone: "UTC"}
	if err := db.SaveConnection(&c); err != nil {
		t.Fatal(err)
	}
	old := records(t, db)
	db.Close()

	safety := filepath.Join(dir, "backups", "safety.db")
	res, err := store.Restore(dir, src, safety)
	if err != nil {
		t.Fatalf("restore: %v", err)
	}
	if res.SafetyBackup != safety || res.Version != store.SchemaVersion || res.FromVersion != store.SchemaVersion || res.Size == 0 {
		t.Errorf("result %+v", res)
	}
	if got := records(t, MustOpen(t, dir)); !reflect.DeepEqual(got, want) {
		t.Fatalf("restored records\n%+v\nwant\n%+v", got, want)
	}
	safeDir := t.TempDir()
	raw, _ := os.ReadFile(safety)
	os.WriteFile(filepath.Join(safeDir, store.FileName), raw, 0o600)
	if got := records(t, MustOpen(t, safeDir)); !reflect.DeepEqual(got, old) {
		t.Fatalf("safety copy holds\n%+v\nwant\n%+v", got, old)
	}
}

func TestRestoreMigratesAnOlderSchema(t *testing.T) {
	src := filepath.Join(t.TempDir(), "v1.db")
	rawBolt(t, src, func(tx *bolt.Tx) error {
		meta, _ := tx.CreateBucket([]byte("meta"))
		meta.Put([]byte("schema_version"), binary.BigEndian.AppendUint64(nil, 1))
		for _, name := range []string{"connections", "secrets", "settings"} {
			tx.CreateBucket([]byte(name))
		}
		tpls, err := tx.CreateBucket([]byte("templates"))
		if err != nil {
			return err
		}
		return tpls.Put(binary.BigEndian.AppendUint64(nil, 1), []byte(`{"id":1,"name":"Old","method":"GET","path":"/x"}`))
	})
	dir := t.TempDir()
	res, err := store.Restore(dir, src, filepath.Join(dir, "backups", "safety.db"))
	if err != nil || res.FromVersion != 1 || res.Version != store.SchemaVersion || res.SafetyBackup != "" {
		t.Fatalf("restore v1: %+v, %v", res, err)
	}
	tpl, err := MustOpen(t, dir).GetTemplate(1)
	if err != nil || tpl.Name != "Old" || tpl.Retries != store.DefaultRetries {
		t.Fatalf("migrated template %+v, %v", tpl, err)
	}
}

func TestRestoreRepairsADamagedDataFile(t *testing.T) {
	dir := t.TempDir()
	junk := []byte(strings.Repeat("garbage", 1000))
	os.WriteFile(filepath.Join(dir, store.FileName), junk, 0o600)
	safety := filepath.Join(dir, "backups", "safety.db")
	if _, err := store.Restore(dir, backupOf(t), safety); err != nil {
		t.Fatalf("restore over a damaged file: %v", err)
	}
	if kept, _ := os.ReadFile(safety); !bytes.Equal(kept, junk) {
		t.Error("the damaged file was not kept byte for byte")
	}
	if conns, _ := MustOpen(t, dir).ListConnections(); len(conns) != 2 {
		t.Errorf("restored %d connections", len(conns))
	}
}
