package store_test

import (
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/store"
)

// seed saves two connections and a template into db.
func seed(tb testing.TB, db *store.DB) {
	tb.Helper()
	for _, name := range []string{"Acme", "Beta"} {
		c := core.Connection{Name: name, Platform: core.PlatformDemo, Timezone: "UTC", Settings: map[string]string{"base_url": "https://" + name}}
		if err := db.SaveConnection(&c); err != nil {
			tb.Fatal(err)
		}
	}
	tpl := core.ActionTemplate{Name: "List", ConnectionID: 1, Method: "GET", Path: "/offers"}
	if err := db.SaveTemplate(&tpl); err != nil {
		tb.Fatal(err)
	}
}

// records returns what a test compares between two data files.
func records(tb testing.TB, db *store.DB) []any {
	tb.Helper()
	conns, err := db.ListConnections()
	if err != nil {
		tb.Fatal(err)
	}
	tpls, err := db.ListTemplates()
	if err != nil {
		tb.Fatal(err)
	}
	return []any{conns, tpls}
}

func TestBackupWhileTheFileIsOpen(t *testing.T) {
	db := MustOpen(t, "")
	seed(t, db)
	want := records(t, db)
	out := filepath.Join(t.TempDir(), "new folder", store.FileName)
	n, err := db.Backup(out)
	if err != nil {
		t.Fatalf("backup: %v", err)
	}
	st, err := os.Stat(out)
	if err != nil || st.Size() != n || n == 0 || st.Mode().Perm() != 0o600 {
		t.Fatalf("backup file: %v, size %d, mode %v, reported %d", err, st.Size(), st.Mode().Perm(), n)
	}
	c := core.Connection{Name: "After", Platform: core.PlatformDemo, Timezone: "UTC"}
	if err := db.SaveConnection(&c); err != nil {
		t.Fatalf("the open file no longer takes writes: %v", err)
	}
	if v, err := store.CheckFile(out, "the backup"); v != store.SchemaVersion {
		t.Errorf("backup schema = %d, %v", v, err)
	}
	copyDB := MustOpen(t, filepath.Dir(out))
	if got := records(t, copyDB); !reflect.DeepEqual(got, want) {
		t.Fatalf("backup records\n%+v\nwant\n%+v", got, want)
	}
}

func TestBackupFailureLeavesNoTemporaryFile(t *testing.T) {
	db := MustOpen(t, "")
	dir := t.TempDir()
	target := filepath.Join(dir, "taken")
	if err := os.Mkdir(target, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(target, "keep"), []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Backup(target); err == nil {
		t.Fatal("backup over a folder succeeded")
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("left %s behind", e.Name())
		}
	}
}

// TestWriteFileAtomicIsPrivateEvenOverAnOpenFile replaces a world-readable
// file: the new content is there whole, and only the owner can read it.
func TestWriteFileAtomicIsPrivateEvenOverAnOpenFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "export.json")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := store.WriteFileAtomic(path, []byte(`{"new":true}`)); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != `{"new":true}` {
		t.Fatalf("content %q, %v", got, err)
	}
	if info, _ := os.Stat(path); runtime.GOOS != "windows" && info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", info.Mode().Perm())
	}
}
