package core

import "time"

// Record is what the store saves: a record that takes its ID and times.
type Record interface {
	// RecordID returns the ID; 0 means not stored yet.
	RecordID() uint64
	// Stamp sets the ID, CreatedAt (once) and UpdatedAt.
	Stamp(id uint64, now time.Time)
}

func stamp(created, updated *time.Time, now time.Time) {
	if created.IsZero() {
		*created = now
	}
	*updated = now
}

// RecordID returns the connection's ID.
func (c *Connection) RecordID() uint64 { return c.ID }

// Stamp sets the ID and times.
func (c *Connection) Stamp(id uint64, now time.Time) {
	c.ID = id
	stamp(&c.CreatedAt, &c.UpdatedAt, now)
}

// RecordID returns the template's ID.
func (t *ActionTemplate) RecordID() uint64 { return t.ID }

// Stamp sets the ID and times.
func (t *ActionTemplate) Stamp(id uint64, now time.Time) {
	t.ID = id
	stamp(&t.CreatedAt, &t.UpdatedAt, now)
}
