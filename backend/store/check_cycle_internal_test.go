package store

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/affdesk/affdesk/backend/core"
	bolt "go.etcd.io/bbolt"
)

// TestCheckEndsOnACyclicPageTree proves a file whose page tree points
// back at itself (bbolt's reading would go round forever) is refused as
// damaged within the check's time limit instead of hanging the restore.
func TestCheckEndsOnACyclicPageTree(t *testing.T) {
	defer func(d time.Duration) { checkBase = d }(checkBase)
	checkBase = 300 * time.Millisecond
	db, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	err = db.bolt.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketRuns)
		for i := 0; i < 2000; i++ {
			if err := b.Put(itob(uint64(i+1)), []byte(strings.Repeat("r", 100))); err != nil {
				return err
			}
		}
		return nil
	})
	path := db.Path
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := CheckFile(path, "the sound file"); err != nil {
		t.Fatalf("a sound file is refused: %v", err)
	}
	loopFirstBranch(t, path)
	_, err = CheckFile(path, "the cyclic file")
	if core.ErrorCode(err) != core.EINVALID || !strings.Contains(err.Error(), "the cyclic file is damaged") {
		t.Fatalf("a cyclic file: %v", err)
	}
}

// loopFirstBranch makes the first branch page's first child the page
// itself.
func loopFirstBranch(t *testing.T, path string) {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	size := os.Getpagesize()
	for off := 2 * size; off+32 <= len(raw); off += size {
		id := binary.LittleEndian.Uint64(raw[off:])
		if flags := binary.LittleEndian.Uint16(raw[off+8:]); flags == 0x01 && id == uint64(off/size) {
			binary.LittleEndian.PutUint64(raw[off+16+8:], id)
			if err := os.WriteFile(filepath.Clean(path), raw, 0o600); err != nil {
				t.Fatal(err)
			}
			return
		}
	}
	t.Fatalf("no branch page in %d bytes", len(raw))
}
