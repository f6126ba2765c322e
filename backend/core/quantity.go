package core

import "github.com/shopspring/decimal"

// ColumnKind says what a numeric column counts, and so how people read
// it: money with two decimals, counts as whole numbers, other decimals
// with all their digits. Persisted in stat type listings as "money",
// "count" or "decimal"; "" is text.
type ColumnKind string

// The column kinds.
const (
	ColumnText    ColumnKind = ""
	ColumnMoney   ColumnKind = "money"
	ColumnCount   ColumnKind = "count"
	ColumnDecimal ColumnKind = "decimal"
)

// Quantity is an exact number with the kind of column it came from (a
// dataset's total, a picked cell), so a message shows it as money or a
// count while a request or webhook body gets its exact digits.
type Quantity struct {
	Value decimal.Decimal
	Kind  ColumnKind
}

// String returns the exact digits, without grouping: 2498.21, 19.9.
func (q Quantity) String() string { return q.Value.String() }

// MarshalJSON writes the quantity as a plain JSON number with its exact
// digits (never a quoted string, never float noise).
func (q Quantity) MarshalJSON() ([]byte, error) { return []byte(q.Value.String()), nil }
