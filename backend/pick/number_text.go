package pick

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
)

// numberText writes a parsed JSON number as the tree shows it: integers and
// json.Numbers (numbers too long for a float64) with their own digits, and
// other numbers in plain decimal notation, never an exponent below 1e21, so
// 12345678901234567.25 does not read as 1.2345678901234568e+16. A float64
// keeps about 17 significant digits and not the trailing zeros of 12.10.
func numberText(v any) string {
	switch t := v.(type) {
	case float64:
		if math.Abs(t) < 1e21 {
			return strconv.FormatFloat(t, 'f', -1, 64)
		}
		return strconv.FormatFloat(t, 'g', -1, 64)
	case json.Number:
		return t.String()
	}
	return fmt.Sprint(v)
}
