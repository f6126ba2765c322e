package store

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	bolt "go.etcd.io/bbolt"
)

// Backup writes a consistent copy of the open data file to path and
// returns its size in bytes. The copy is taken inside one read
// transaction, so writers in this process may go on meanwhile; it is
// written to a temporary file in path's folder, synced, made mode 0600 and
// then renamed over path, so path is either the old file or the complete
// copy, never a part.
func (db *DB) Backup(path string) (int64, error) {
	return writeAtomic(path, func(w io.Writer) (int64, error) {
		var n int64
		err := db.bolt.View(func(tx *bolt.Tx) error {
			var err error
			n, err = tx.WriteTo(w)
			return err
		})
		return n, err
	})
}

// WriteFileAtomic writes data to path as writeAtomic does: readable by
// the owner only (0600) even when it replaces a file of another mode, and
// either whole or not at all.
func WriteFileAtomic(path string, data []byte) error {
	_, err := writeAtomic(path, func(w io.Writer) (int64, error) {
		n, err := w.Write(data)
		return int64(n), err
	})
	return err
}

// writeAtomic creates path's folder, has write fill a temporary file
// beside path, syncs it, makes it mode 0600 and renames it over path. On
// any failure the temporary file is removed and path is left as it was.
func writeAtomic(path string, write func(io.Writer) (int64, error)) (int64, error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return 0, fmt.Errorf("create folder %s: %w", dir, err)
	}
	tmp, err := os.CreateTemp(dir, ".affdesk-*.tmp")
	if err != nil {
		return 0, fmt.Errorf("create a temporary file in %s: %w", dir, err)
	}
	n, err := fillAndSync(tmp, write)
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return 0, fmt.Errorf("write %s: %w", path, err)
	}
	syncDir(dir)
	return n, nil
}

// fillAndSync writes, syncs, restricts and closes f.
func fillAndSync(f *os.File, write func(io.Writer) (int64, error)) (int64, error) {
	n, err := write(f)
	if err == nil {
		err = f.Sync()
	}
	if err == nil {
		err = f.Chmod(0o600)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return n, err
}

// syncDir makes a rename in dir durable where the system allows it
// (Windows cannot open a folder for syncing, and needs none).
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}

// copyFile copies the file at src into w.
func copyFile(src string, w io.Writer) (int64, error) {
	f, err := os.Open(src)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	return io.Copy(w, f)
}
