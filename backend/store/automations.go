package store

import "github.com/affdesk/affdesk/backend/core"

// ListAutomations returns every automation, by ID.
func (db *DB) ListAutomations() ([]core.Automation, error) {
	return list[core.Automation](db, bucketAutomations)
}

// GetAutomation returns ENOTFOUND if no automation has the ID.
func (db *DB) GetAutomation(id uint64) (core.Automation, error) {
	return get[core.Automation](db, bucketAutomations, id, "Automation")
}

// SaveAutomation inserts a (ID 0) or replaces the stored one, and stamps
// its ID and times. Returns ENOTFOUND if a.ID is set but not stored.
func (db *DB) SaveAutomation(a *core.Automation) error {
	return save(db, bucketAutomations, "Automation", a)
}

// DeleteAutomation returns ENOTFOUND if no automation has the ID.
func (db *DB) DeleteAutomation(id uint64) error {
	return del(db, bucketAutomations, id, "Automation")
}
