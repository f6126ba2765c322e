package store

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"github.com/affdesk/affdesk/backend/core"
	bolt "go.etcd.io/bbolt"
)

// Restored says what Restore did.
type Restored struct {
	Path         string // the data file, now holding the restored data
	SafetyBackup string // the copy of the data file as it was; "" when there was none
	FromVersion  uint64 // the schema version of the restored file before migration
	Version      uint64 // the schema version of the data file now
	Size         int64  // the size of the restored file in bytes, as read
}

// Restore replaces the data file in dir with a copy of the file at src.
//
// It copies src into a temporary file in dir, checks it (CheckFile:
// EINVALID when it is not an AffDesk file, is damaged, or is from a newer
// schema) and migrates it to the current schema, all before the data file
// is touched. It then takes the data file's lock (EUNAVAILABLE when
// another process holds it, the data file untouched), copies the data file
// as it is to safetyPath, and renames the checked copy over it. Finally it
// opens the result to confirm it. opts are those of Open.
func Restore(dir, src, safetyPath string, opts ...Option) (Restored, error) {
	o := options{timeout: time.Second, now: time.Now}
	for _, opt := range opts {
		opt(&o)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return Restored{}, fmt.Errorf("create data directory %s: %w", dir, err)
	}
	tmp, res, err := stage(dir, src, o)
	if err != nil {
		return Restored{}, err
	}
	defer os.Remove(tmp)
	res.Path = filepath.Join(dir, FileName)
	if res.SafetyBackup, err = swap(tmp, res.Path, safetyPath, o.timeout); err != nil {
		return Restored{}, err
	}
	db, err := Open(dir, opts...)
	if err != nil {
		return res, fmt.Errorf("open the restored data file: %w", err)
	}
	defer db.Close()
	res.Version, err = db.Version()
	return res, err
}

// stage copies src into a temporary file in dir, checks it and migrates
// it. It returns the temporary file's path; on error it removes the file.
func stage(dir, src string, o options) (string, Restored, error) {
	f, err := os.CreateTemp(dir, ".affdesk-restore-*.tmp")
	if err != nil {
		return "", Restored{}, fmt.Errorf("create a temporary file in %s: %w", dir, err)
	}
	var res Restored
	res.Size, err = fillAndSync(f, func(w io.Writer) (int64, error) { return copyFile(src, w) })
	if err != nil {
		os.Remove(f.Name())
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return "", res, core.Errorf(core.EINVALID, "Cannot read %s: %v.", src, err)
	}
	if res.FromVersion, err = CheckFile(f.Name(), src); err == nil {
		err = guardFault(src, func() error { return migrateFile(f.Name(), o) })
	}
	if err != nil {
		os.Remove(f.Name())
		return "", res, err
	}
	return f.Name(), res, nil
}

// migrateFile brings the file at path to the current schema.
func migrateFile(path string, o options) error {
	b, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: o.timeout})
	if err != nil {
		return fmt.Errorf("open the copy to restore: %w", err)
	}
	db := &DB{bolt: b, Path: path, now: o.now}
	if err := db.migrate(); err != nil {
		b.Close()
		return core.Errorf(core.EINVALID, "The file cannot be brought to schema %d: %v.", SchemaVersion, err)
	}
	return b.Close()
}

// swap takes the lock of the data file at path, copies it to safetyPath
// and renames tmp over it. It returns the safety copy's path, "" when
// there was no data file. A data file so damaged that it cannot be opened
// is copied byte for byte and replaced too: restoring is how it is
// repaired.
func swap(tmp, path, safetyPath string, timeout time.Duration) (string, error) {
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return "", rename(tmp, path)
	}
	var held *bolt.DB
	err := guardFault(path, func() error {
		var err error
		held, err = bolt.Open(path, 0o600, &bolt.Options{Timeout: timeout})
		return err
	})
	if errors.Is(err, bolt.ErrTimeout) {
		return "", core.Errorf(core.EUNAVAILABLE,
			"The data file %s is in use by another AffDesk process. Close AffDesk, then restore again.", path)
	}
	defer func() {
		if held != nil {
			held.Close()
		}
	}()
	if _, err := writeAtomic(safetyPath, func(w io.Writer) (int64, error) { return copyFile(path, w) }); err != nil {
		return "", fmt.Errorf("keep a copy of the data file before restoring: %w", err)
	}
	if held != nil && runtime.GOOS == "windows" {
		held.Close() // Windows cannot rename over an open file.
		held = nil
	}
	return safetyPath, rename(tmp, path)
}

// rename moves tmp over path and makes the move durable.
func rename(tmp, path string) error {
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("replace the data file %s: %w", path, err)
	}
	syncDir(filepath.Dir(path))
	return nil
}
