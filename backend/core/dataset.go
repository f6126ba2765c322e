package core

import "slices"

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

// Kind says how a column reads: its kind, a plain decimal for a numeric
// column of no kind, text otherwise.
func (d *Dataset) Kind(column string) ColumnKind {
	if k := d.Kinds[column]; k != ColumnText {
		return k
	}
	if slices.Contains(d.Numeric, column) {
		return ColumnDecimal
	}
	return ColumnText
}

// Cell writes one cell for people, as emails, tables and previews show
// it: a number by its column's kind in format f, anything else as its
// text.
func (d *Dataset) Cell(row map[string]any, column string, f NumberFormat) string {
	return f.Show(row[column], d.Kind(column))
}
