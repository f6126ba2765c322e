package core

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// ToDecimal reads a value as an exact number, the way trackers send
// them: JSON numbers (json.Number, int, int64, float64), a Quantity, a
// decimal, and text such as "12.50", "2,038", "$1,204.10" or "4.51%".
// Text that is not wholly a number, NaN and infinities give ok false.
//
// A float64 is read through its shortest text, which is the number a JSON
// document spelled for up to 15 significant digits; exact text
// (json.Number, strings) is read digit for digit.
func ToDecimal(x any) (decimal.Decimal, bool) {
	switch t := x.(type) {
	case decimal.Decimal:
		return t, true
	case Quantity:
		return t.Value, true
	case int:
		return decimal.NewFromInt(int64(t)), true
	case int64:
		return decimal.NewFromInt(t), true
	case float64:
		if math.IsNaN(t) || math.IsInf(t, 0) {
			return decimal.Decimal{}, false
		}
		return parseDecimal(strconv.FormatFloat(t, 'f', -1, 64))
	case json.Number:
		return parseDecimal(string(t))
	case string:
		s := strings.TrimSpace(t)
		s = strings.TrimSuffix(strings.TrimPrefix(s, "$"), "%")
		return parseDecimal(strings.ReplaceAll(s, ",", ""))
	}
	return decimal.Decimal{}, false
}

// parseDecimal reads a JSON-style number: an optional minus, digits, an
// optional fraction and exponent. Anything else (hex, "NaN", "1.", ".5",
// a lone sign) is no number.
func parseDecimal(s string) (decimal.Decimal, bool) {
	if !isJSONNumber(s) {
		return decimal.Decimal{}, false
	}
	d, err := decimal.NewFromString(s)
	return d, err == nil
}

// isJSONNumber reports whether s is a number as JSON spells it.
func isJSONNumber(s string) bool {
	s = strings.TrimPrefix(s, "-")
	digits := func() int {
		n := 0
		for n < len(s) && s[n] >= '0' && s[n] <= '9' {
			n++
		}
		s = s[n:]
		return n
	}
	if n := len(s); n == 0 || (s[0] == '0' && n > 1 && s[1] >= '0' && s[1] <= '9') || digits() == 0 {
		return false
	}
	if strings.HasPrefix(s, ".") {
		s = s[1:]
		if digits() == 0 {
			return false
		}
	}
	if len(s) > 0 && (s[0] == 'e' || s[0] == 'E') {
		s = strings.TrimLeft(s[1:], "+-")
		if digits() == 0 {
			return false
		}
	}
	return s == ""
}

// ExactNumber returns d as a JSON number holding its exact digits, the
// form the engine keeps numbers in so that a request body gets them back
// unchanged.
func ExactNumber(d decimal.Decimal) json.Number { return json.Number(d.String()) }
