package core

import "strconv"

// ConnectionStore persists connections.
type ConnectionStore interface {
	// ListConnections returns every connection, by ID.
	ListConnections() ([]Connection, error)
	// GetConnection returns ENOTFOUND if no connection has the ID.
	GetConnection(id uint64) (Connection, error)
	// SaveConnection inserts c when c.ID is 0 (assigning the ID) or replaces
	// the stored one; it returns ENOTFOUND if c.ID is set but not stored.
	SaveConnection(c *Connection) error
	// DeleteConnection returns ENOTFOUND if no connection has the ID.
	DeleteConnection(id uint64) error
}

// TemplateStore persists action templates.
type TemplateStore interface {
	// ListTemplates returns every template, by ID.
	ListTemplates() ([]ActionTemplate, error)
	// GetTemplate returns ENOTFOUND if no template has the ID.
	GetTemplate(id uint64) (ActionTemplate, error)
	// SaveTemplate inserts t when t.ID is 0 (assigning the ID) or replaces
	// the stored one; it returns ENOTFOUND if t.ID is set but not stored.
	SaveTemplate(t *ActionTemplate) error
	// DeleteTemplate returns ENOTFOUND if no template has the ID.
	DeleteTemplate(id uint64) error
}

// SecretStore keeps credentials outside the records that name them.
type SecretStore interface {
	// SetSecret stores value under key, replacing any previous value.
	SetSecret(key, value string) error
	// GetSecret returns ENOTFOUND if nothing is stored under key.
	GetSecret(key string) (string, error)
	// DeleteSecret removes key; deleting a missing key is not an error.
	DeleteSecret(key string) error
	// Backend names where secrets live, for the Settings page.
	Backend() string
}

// SecretKey is the key under which a connection's secret field is stored.
func SecretKey(connectionID uint64, field string) string {
	return "connection/" + strconv.FormatUint(connectionID, 10) + "/" + field
}
