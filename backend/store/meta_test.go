package store_test

import (
	"regexp"
	"testing"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/store"
)

// TestInstallID checks the ID is created once, kept across reopenings,
// differs between data files, and is not invented by a read-only opening.
func TestInstallID(t *testing.T) {
	dir := t.TempDir()
	db := MustOpen(t, dir)
	id, err := db.InstallID()
	if err != nil || !regexp.MustCompile(`^[0-9a-f]{32}$`).MatchString(id) {
		t.Fatalf("install ID %q, %v", id, err)
	}
	if again, _ := db.InstallID(); again != id {
		t.Errorf("second call gave %q, want %q", again, id)
	}
	db.Close()
	db = MustOpen(t, dir)
	if again, _ := db.InstallID(); again != id {
		t.Errorf("after reopening %q, want %q", again, id)
	}
	db.Close()
	other := MustOpen(t, t.TempDir())
	if o, _ := other.InstallID(); o == id {
		t.Error("two data files share an install ID")
	}
	other.Close()

	fresh := t.TempDir()
	MustOpen(t, fresh).Close()
	ro, err := store.Open(fresh, store.ReadOnly())
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if _, err := ro.InstallID(); core.ErrorCode(err) != core.ENOTFOUND {
		t.Errorf("read-only file without ID: %v", err)
	}
}
