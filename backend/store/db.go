// Package store keeps AffDesk's data in one bbolt file: one bucket per
// aggregate, JSON values, 8-byte big-endian keys from NextSequence, and a
// schema version with forward migrations.
package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/affdesk/affdesk/backend/core"
	bolt "go.etcd.io/bbolt"
)

// FileName is the data file's name inside the data directory.
const FileName = "affdesk.db"

// DB is an open AffDesk data file.
type DB struct {
	bolt *bolt.DB
	Path string
	now  func() time.Time
	// commits shares journal and item transactions between parallel
	// loop items (group), so they share one fsync.
	commits groupCommit
	// searchBudget bounds the summaries one run search reads; 0 is
	// core.RunSearchBudget (tests set less).
	searchBudget int
}

// Option changes how Open behaves.
type Option func(*options)

type options struct {
	timeout  time.Duration
	now      func() time.Time
	readOnly bool
	upgrade  func(from, to uint64) string // where to copy a file before migrating it
}

// WithTimeout sets how long Open waits for another process to release the
// file (default one second).
func WithTimeout(d time.Duration) Option { return func(o *options) { o.timeout = d } }

// WithClock injects the clock used for CreatedAt and UpdatedAt.
func WithClock(now func() time.Time) Option { return func(o *options) { o.now = now } }

// BackupBeforeUpgrade has Open copy a file written by an older schema to
// the path path returns, before migrating it, so an upgrade can be undone
// with a restore. Open fails, leaving the file as it was, when the copy
// cannot be made.
func BackupBeforeUpgrade(path func(from, to uint64) string) Option {
	return func(o *options) { o.upgrade = path }
}

// ReadOnly opens the file for reading only, so several readers may share it.
func ReadOnly() Option { return func(o *options) { o.readOnly = true } }

// Open opens (creating if needed, mode 0600) the data file in dir and
// brings its schema up to date. It returns EUNAVAILABLE when another
// process holds the file, and EINVALID when the file was written by a newer
// AffDesk or is not an AffDesk file.
func Open(dir string, opts ...Option) (*DB, error) {
	o := options{timeout: time.Second, now: time.Now}
	for _, opt := range opts {
		opt(&o)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("create data directory %s: %w", dir, err)
	}
	path := filepath.Join(dir, FileName)
	b, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: o.timeout, ReadOnly: o.readOnly})
	if errors.Is(err, bolt.ErrTimeout) {
		return nil, core.Errorf(core.EUNAVAILABLE,
			"The data file %s is in use by another AffDesk process. Close it, or start this one with another --data-dir.", path)
	}
	if err != nil {
		return nil, core.Errorf(core.EINVALID, "Cannot open the data file %s: %v.", path, err)
	}
	db := &DB{bolt: b, Path: path, now: o.now}
	if !o.readOnly {
		err = db.upgrade(o.upgrade)
	} else {
		err = db.checkVersion()
	}
	if err != nil {
		b.Close()
		return nil, err
	}
	return db, nil
}

// Close closes the file.
func (db *DB) Close() error { return db.bolt.Close() }

func itob(v uint64) []byte {
	b := make([]byte, 8)
	binary.BigEndian.PutUint64(b, v)
	return b
}

func btoi(b []byte) uint64 { return binary.BigEndian.Uint64(b) }
