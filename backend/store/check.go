package store

import (
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"time"

	"github.com/affdesk/affdesk/backend/core"
	bolt "go.etcd.io/bbolt"
)

// CheckFile reads the whole file at path and returns its schema version.
// It returns EINVALID, naming the file as name, when the file is not a
// bbolt database, is one without AffDesk's schema version, is cut short
// or damaged, or was written by a newer AffDesk than this build. The file
// is opened read-only and never changed. A damaged page tree can send
// bbolt's own reading round in circles, so a check that outlasts a limit
// that grows with the file's size is taken for damage (the reading is left
// to end with the process).
func CheckFile(path, name string) (uint64, error) {
	done := make(chan error, 1)
	var v uint64
	go func() { done <- checkFile(path, name, &v) }()
	select {
	case err := <-done:
		return v, err
	case <-time.After(checkLimit(path)):
		return 0, core.Errorf(core.EINVALID, "%s is damaged: reading it does not come to an end.", name)
	}
}

// checkBase is how long reading any file may take.
var checkBase = 10 * time.Second

// checkLimit is how long reading a file may take: checkBase, and 1 s more
// for every 16 MiB.
func checkLimit(path string) time.Duration {
	d := checkBase
	if st, err := os.Stat(path); err == nil {
		d += time.Duration(st.Size()>>24) * time.Second
	}
	return d
}

func checkFile(path, name string, v *uint64) error {
	return guardFault(name, func() error {
		b, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
		if errors.Is(err, bolt.ErrTimeout) {
			return core.Errorf(core.EUNAVAILABLE, "%s is in use by another AffDesk process.", name)
		}
		if err != nil {
			return core.Errorf(core.EINVALID, "%s is not an AffDesk data file: it is not a database (%v).", name, err)
		}
		defer b.Close()
		return b.View(func(tx *bolt.Tx) error {
			if err := checkLength(tx, path, name); err != nil {
				return err
			}
			var err error
			if *v, err = fileVersion(tx, name); err != nil {
				return err
			}
			return walkAll(tx, name)
		})
	})
}

// guardFault runs f, turning a panic or a memory fault (a damaged file read
// through its memory map) into an EINVALID error naming name.
func guardFault(name string, f func() error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = core.Errorf(core.EINVALID, "%s is damaged: it cannot be read (%v).", name, r)
		}
	}()
	return f()
}

// checkLength refuses a file shorter than the pages its header counts.
func checkLength(tx *bolt.Tx, path, name string) error {
	st, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("inspect %s: %w", name, err)
	}
	if st.Size() < tx.Size() {
		return core.Errorf(core.EINVALID, "%s is damaged: it is cut short (%d of %d bytes).", name, st.Size(), tx.Size())
	}
	return nil
}

// fileVersion returns the schema version of an AffDesk file.
func fileVersion(tx *bolt.Tx, name string) (uint64, error) {
	meta := tx.Bucket(bucketMeta)
	var raw []byte
	if meta != nil {
		raw = meta.Get(keySchemaVersion)
	}
	if len(raw) != 8 {
		return 0, core.Errorf(core.EINVALID, "%s is not an AffDesk data file: it is a database without AffDesk's schema version.", name)
	}
	v := btoi(raw)
	if v > SchemaVersion {
		return 0, core.Errorf(core.EINVALID,
			"%s was written by a newer AffDesk (schema %d; this build knows %d). Update AffDesk, then restore it.", name, v, SchemaVersion)
	}
	return v, nil
}

// walkAll reads every key and value of every bucket, so a damaged page is
// found now rather than after the file has replaced the data file.
func walkAll(tx *bolt.Tx, name string) error {
	err := tx.ForEach(func(_ []byte, b *bolt.Bucket) error { return walkBucket(b) })
	if err != nil {
		return core.Errorf(core.EINVALID, "%s is damaged: %v.", name, err)
	}
	return nil
}

func walkBucket(b *bolt.Bucket) error {
	return b.ForEach(func(k, v []byte) error {
		if v != nil {
			return nil
		}
		child := b.Bucket(k)
		if child == nil {
			return fmt.Errorf("bucket %q cannot be read", k)
		}
		return walkBucket(child)
	})
}
