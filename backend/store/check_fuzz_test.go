package store_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/store"
)

// FuzzCheckFile feeds CheckFile arbitrary bytes, or a real data file cut
// at an arbitrary length: it must answer with a schema version or an
// EINVALID error, never crash. (Arbitrary damage inside a file's pages,
// such as a page tree that points at itself, is out of reach: bbolt walks
// such a tree without end.)
func FuzzCheckFile(f *testing.F) {
	whole, err := os.ReadFile(backupOf(f))
	if err != nil {
		f.Fatal(err)
	}
	f.Add([]byte("not a database"), uint32(0))
	f.Add([]byte{}, uint32(len(whole)/2))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte, cut uint32) {
		if cut > 0 {
			data = whole[:int(cut)%(len(whole)+1)]
		}
		path := filepath.Join(dir, "fuzz.db")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		v, err := store.CheckFile(path, "fuzz.db")
		if err != nil && core.ErrorCode(err) != core.EINVALID {
			t.Fatalf("code %q: %v", core.ErrorCode(err), err)
		}
		if err == nil && v > store.SchemaVersion {
			t.Fatalf("accepted schema %d", v)
		}
	})
}
