package store

import "github.com/affdesk/affdesk/backend/core"

var _ core.TemplateStore = (*DB)(nil)

// ListTemplates returns every template, by ID.
func (db *DB) ListTemplates() ([]core.ActionTemplate, error) {
	return list[core.ActionTemplate](db, bucketTemplates)
}

// GetTemplate returns ENOTFOUND if no template has the ID.
func (db *DB) GetTemplate(id uint64) (core.ActionTemplate, error) {
	return get[core.ActionTemplate](db, bucketTemplates, id, "Template")
}

// SaveTemplate inserts t (ID 0) or replaces the stored one, and stamps its ID
// and times. Returns ENOTFOUND if t.ID is set but not stored.
func (db *DB) SaveTemplate(t *core.ActionTemplate) error {
	return save(db, bucketTemplates, "Template", t)
}

// DeleteTemplate returns ENOTFOUND if no template has the ID.
func (db *DB) DeleteTemplate(id uint64) error {
	return del(db, bucketTemplates, id, "Template")
}
