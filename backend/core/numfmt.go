package core

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// NumberFormat is how emails, tables and previews write numbers: the
// digit grouping and the decimal mark. Persisted as the "number_format"
// setting; each value is its own example.
type NumberFormat string

// The number formats.
const (
	FormatCommaDot   NumberFormat = "1,234.56" // the default
	FormatDotComma   NumberFormat = "1.234,56"
	FormatSpaceComma NumberFormat = "1 234,56" // grouped with a no-break space
	FormatPlain      NumberFormat = "1234.56"
)

// NumberFormats lists the formats Settings offers, the default first.
var NumberFormats = []NumberFormat{FormatCommaDot, FormatDotComma, FormatSpaceComma, FormatPlain}

// DefaultNumberFormat is the format unless Settings choose another.
const DefaultNumberFormat = FormatCommaDot

// groupMark separates thousands in FormatSpaceComma: a no-break space,
// so a figure never wraps across lines.
const groupMark = "\u00a0"

// CheckNumberFormat returns f if it is one of NumberFormats, and an
// EINVALID error on "numberFormat" otherwise. Every door that stores the
// setting checks it here.
func CheckNumberFormat(f string) (NumberFormat, error) {
	for _, x := range NumberFormats {
		if string(x) == f {
			return x, nil
		}
	}
	return DefaultNumberFormat, FieldError("numberFormat", "Numbers can be written as %s, %s, %s or %s, not %q.",
		FormatCommaDot, FormatDotComma, FormatSpaceComma, FormatPlain, f)
}

// marks returns the group separator and the decimal mark.
func (f NumberFormat) marks() (group, point string) {
	switch f {
	case FormatDotComma:
		return ".", ","
	case FormatSpaceComma:
		return groupMark, ","
	case FormatPlain:
		return "", "."
	}
	return ",", "."
}

// Show writes a value for people, by its column's kind (see
// FormatDecimal). A value that reads as no number (text, "NaN", "n/a",
// nil) is shown as its own text.
func (f NumberFormat) Show(x any, kind ColumnKind) string {
	if q, ok := x.(Quantity); ok && kind == ColumnText {
		kind = q.Kind
	}
	d, ok := ToDecimal(x)
	if !ok || kind == ColumnText {
		return plainText(x)
	}
	return f.FormatDecimal(d, kind)
}

// FormatDecimal writes d for people: money with exactly two decimals,
// rounded half away from zero (0.125 shows as 0.13, -0.125 as -0.13, as
// spreadsheets and trackers' own reports round); counts as whole numbers,
// rounded the same way; other decimals with all their digits and no
// trailing zeros. The integer part is grouped by thousands per f. A value
// that rounds to zero shows no minus sign.
func (f NumberFormat) FormatDecimal(d decimal.Decimal, kind ColumnKind) string {
	var s string
	switch kind {
	case ColumnMoney:
		s = d.StringFixed(2)
	case ColumnCount:
		s = d.StringFixed(0)
	default:
		s = d.String()
	}
	digits, neg := strings.CutPrefix(s, "-")
	whole, frac, _ := strings.Cut(digits, ".")
	group, point := f.marks()
	out := groupDigits(whole, group)
	if frac != "" {
		out += point + frac
	}
	if neg && strings.Trim(whole+frac, "0") != "" {
		out = "-" + out
	}
	return out
}

// groupDigits puts sep between each group of three digits from the right.
func groupDigits(whole, sep string) string {
	if sep == "" || len(whole) <= 3 {
		return whole
	}
	var b strings.Builder
	lead := len(whole) % 3
	if lead == 0 {
		lead = 3
	}
	b.WriteString(whole[:lead])
	for i := lead; i < len(whole); i += 3 {
		b.WriteString(sep)
		b.WriteString(whole[i : i+3])
	}
	return b.String()
}

// ParseNumber reads a number written in format f: an optional minus,
// digits with f's group separators (any space, for FormatSpaceComma),
// and an optional fraction after f's decimal mark. It is the inverse of
// FormatDecimal: ParseNumber(f.FormatDecimal(d, ColumnDecimal), f)
// equals d. Anything else is an EINVALID error.
func ParseNumber(s string, f NumberFormat) (decimal.Decimal, error) {
	group, point := f.marks()
	t := strings.TrimSpace(s)
	if group != "" {
		t = strings.ReplaceAll(t, group, "")
	}
	if f == FormatSpaceComma {
		t = strings.NewReplacer(" ", "", "\u202f", "").Replace(t)
	}
	t = strings.Replace(t, point, ".", 1)
	if !plainDecimal(t) {
		return decimal.Decimal{}, Errorf(EINVALID, "%q is not a number written as %s.", s, f)
	}
	return decimal.RequireFromString(t), nil
}

// plainDecimal reports whether s is an optional minus, digits, and an
// optional "." followed by digits.
func plainDecimal(s string) bool {
	whole, frac, hasPoint := strings.Cut(strings.TrimPrefix(s, "-"), ".")
	return allDigits(whole) && (!hasPoint || allDigits(frac))
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// plainText writes a value that is no number as it stands; nil is empty.
func plainText(x any) string {
	switch t := x.(type) {
	case nil:
		return ""
	case string:
		return t
	case float64:
		return strconv.FormatFloat(t, 'f', -1, 64)
	}
	return fmt.Sprint(x)
}
