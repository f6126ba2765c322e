package cli_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/affdesk/affdesk/app/internal/testkit"
	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/store"
)

func TestCLIBackupThenRestore(t *testing.T) {
	s, dir := testkit.MustServices(t, nil)
	testkit.DemoConn(t, s)
	s.Close()
	_, want, _ := run(dir, "connections", "list")

	code, out, errOut := run(dir, "backup")
	if code != 0 || !strings.Contains(out, filepath.Join(dir, "backups", "affdesk-")) || !strings.Contains(out, " bytes).") {
		t.Fatalf("backup: exit %d %s %s", code, out, errOut)
	}
	file := filepath.Join(t.TempDir(), "copy.db")
	if code, out, errOut := run(dir, "backup", file); code != 0 || !strings.Contains(out, file) {
		t.Fatalf("backup FILE: exit %d %s %s", code, out, errOut)
	}
	if st, err := os.Stat(file); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("backup file: %v", err)
	}

	db, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	extra := core.Connection{Name: "Later", Platform: core.PlatformDemo, Timezone: "UTC"}
	db.SaveConnection(&extra)
	db.Close()

	code, out, errOut = run(dir, "restore", file)
	if code != 0 || !strings.Contains(out, "affdesk-before-restore-") {
		t.Fatalf("restore: exit %d %s %s", code, out, errOut)
	}
	if _, got, _ := run(dir, "connections", "list"); got != want {
		t.Fatalf("after restore\n%s\nwant\n%s", got, want)
	}
}

func TestCLIRestoreRefusals(t *testing.T) {
	s, dir := testkit.MustServices(t, nil)
	testkit.DemoConn(t, s)
	s.Close()
	text := filepath.Join(t.TempDir(), "notes.txt")
	os.WriteFile(text, []byte(strings.Repeat("hello\n", 2000)), 0o600)
	good := filepath.Join(t.TempDir(), "good.db")
	if code, _, errOut := run(dir, "backup", good); code != 0 {
		t.Fatal(errOut)
	}

	tests := []struct {
		args    []string
		code    int
		wantErr string
	}{
		{[]string{"restore", text}, 2, "not an AffDesk data file"},
		{[]string{"restore"}, 2, "affdesk restore FILE"},
		{[]string{"backup", "a", "b"}, 2, "affdesk backup [FILE]"},
		{[]string{"help"}, 0, ""},
	}
	for _, tt := range tests {
		code, _, errOut := run(dir, tt.args...)
		if code != tt.code || !strings.Contains(errOut, tt.wantErr) {
			t.Errorf("%v: exit %d %s", tt.args, code, errOut)
		}
	}
	if _, out, _ := run(dir, "help"); !strings.Contains(out, "backup [FILE]") || !strings.Contains(out, "restore FILE") {
		t.Errorf("usage lacks the backup commands:\n%s", out)
	}

	db, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	before, _ := os.ReadFile(filepath.Join(dir, store.FileName))
	code, _, errOut := run(dir, "restore", good)
	if code != 1 || !strings.Contains(errOut, "in use by another AffDesk process") {
		t.Errorf("restore over a held file: exit %d %s", code, errOut)
	}
	code, _, errOut = run(dir, "backup")
	if code != 1 || !strings.Contains(errOut, "Back up now") {
		t.Errorf("backup of a held file: exit %d %s", code, errOut)
	}
	db.Close()
	if after, _ := os.ReadFile(filepath.Join(dir, store.FileName)); !bytes.Equal(before, after) {
		t.Error("a refused restore changed the data file")
	}
}

func TestCLIBackupWithoutADataFile(t *testing.T) {
	dir := t.TempDir()
	code, _, errOut := run(dir, "backup")
	if code != 1 || !strings.Contains(errOut, "no data file") {
		t.Fatalf("exit %d %s", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, store.FileName)); !os.IsNotExist(err) {
		t.Error("backup created a data file")
	}
}
