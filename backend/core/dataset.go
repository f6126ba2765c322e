package core

// Dataset is a table of rows, as Pull Stats returns it.
type Dataset struct {
	Columns []string `json:"columns"`
	Numeric []string `json:"numeric"` // columns holding numbers, summed as total_<column>
	Key     string   `json:"key"`     // the column that identifies a row's entity
	// Kinds says how each numeric column reads (money, count, decimal),
	// for emails, tables and previews.
	Kinds map[string]ColumnKind `json:"kinds,omitempty"`
	Rows  []map[string]any      `json:"rows"`
}
