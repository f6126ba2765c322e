package store

import "github.com/affdesk/affdesk/backend/core"

var _ core.ConnectionStore = (*DB)(nil)

// ListConnections returns every connection, by ID.
func (db *DB) ListConnections() ([]core.Connection, error) {
	return list[core.Connection](db, bucketConnections)
}

// GetConnection returns ENOTFOUND if no connection has the ID.
func (db *DB) GetConnection(id uint64) (core.Connection, error) {
	return get[core.Connection](db, bucketConnections, id, "Connection")
}

// SaveConnection inserts c (ID 0) or replaces the stored one, and stamps its ID
// and times. Returns ENOTFOUND if c.ID is set but not stored.
func (db *DB) SaveConnection(c *core.Connection) error {
	return save(db, bucketConnections, "Connection", c)
}

// DeleteConnection returns ENOTFOUND if no connection has the ID.
func (db *DB) DeleteConnection(id uint64) error {
	return del(db, bucketConnections, id, "Connection")
}
