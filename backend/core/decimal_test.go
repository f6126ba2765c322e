package core_test

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/shopspring/decimal"
)

func TestToDecimal(t *testing.T) {
	tests := []struct {
		in   any
		want string
		ok   bool
	}{
		{12.5, "12.5", true}, {7, "7", true}, {int64(3), "3", true}, {json.Number("1e3"), "1000", true},
		{json.Number("19.90"), "19.9", true}, {json.Number("12345678901234567.89"), "12345678901234567.89", true},
		{0.1, "0.1", true}, {2498.21, "2498.21", true},
		{"2,038", "2038", true}, {"$1,204.10", "1204.1", true}, {"4.51%", "4.51", true}, {" 9 ", "9", true}, {"-0.5", "-0.5", true},
		{core.Quantity{Value: decimal.RequireFromString("2.50"), Kind: core.ColumnMoney}, "2.5", true},
		{"12abc", "", false}, {"", "", false}, {"N/A", "", false}, {"NaN", "", false}, {"Infinity", "", false},
		{"0x10", "", false}, {".5", "", false}, {"1.", "", false}, {"-", "", false}, {"01", "", false}, {"1e", "", false},
		{math.NaN(), "", false}, {math.Inf(-1), "", false}, {nil, "", false}, {true, "", false},
	}
	for _, tt := range tests {
		got, ok := core.ToDecimal(tt.in)
		if ok != tt.ok || (ok && got.String() != tt.want) {
			t.Errorf("ToDecimal(%#v) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// TestExactSums adds payouts as the engine does: 0.1 + 0.2 is exactly
// 0.3, where float64 gives 0.30000000000000004.
func TestExactSums(t *testing.T) {
	sum := decimal.Zero
	for _, x := range []any{json.Number("0.1"), json.Number("0.2")} {
		d, _ := core.ToDecimal(x)
		sum = sum.Add(d)
	}
	if !sum.Equal(decimal.RequireFromString("0.3")) || core.ExactNumber(sum) != "0.3" {
		t.Fatalf("0.1 + 0.2 = %s, want exactly 0.3", sum)
	}
}
