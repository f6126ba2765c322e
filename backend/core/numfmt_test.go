package core_test

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/shopspring/decimal"
)

const nbsp = "\u00a0"

func TestFormatDecimal(t *testing.T) {
	tests := []struct {
		in     string
		kind   core.ColumnKind
		format core.NumberFormat
		want   string
	}{
		{"1234.56", core.ColumnMoney, core.FormatCommaDot, "1,234.56"},
		{"1234.56", core.ColumnMoney, core.FormatDotComma, "1.234,56"},
		{"1234.56", core.ColumnMoney, core.FormatSpaceComma, "1" + nbsp + "234,56"},
		{"1234.56", core.ColumnMoney, core.FormatPlain, "1234.56"},
		{"2498.21", core.ColumnMoney, core.FormatCommaDot, "2,498.21"},
		{"2664.27", core.ColumnMoney, core.FormatCommaDot, "2,664.27"},
		{"1234567.8", core.ColumnMoney, core.FormatCommaDot, "1,234,567.80"},
		{"123", core.ColumnMoney, core.FormatCommaDot, "123.00"},
		{"-1234.5", core.ColumnMoney, core.FormatCommaDot, "-1,234.50"},
		{"-1234.5", core.ColumnMoney, core.FormatDotComma, "-1.234,50"},
		{"0", core.ColumnMoney, core.FormatCommaDot, "0.00"},
		{"-0.004", core.ColumnMoney, core.FormatCommaDot, "0.00"}, // rounds to zero: no minus
		// money rounds half away from zero (half-up), not half-even
		{"0.125", core.ColumnMoney, core.FormatCommaDot, "0.13"},
		{"0.135", core.ColumnMoney, core.FormatCommaDot, "0.14"},
		{"-0.125", core.ColumnMoney, core.FormatCommaDot, "-0.13"},
		{"2.675", core.ColumnMoney, core.FormatCommaDot, "2.68"}, // float64 would show 2.67
		{"0.0049", core.ColumnMoney, core.FormatCommaDot, "0.00"},
		{"1e30", core.ColumnMoney, core.FormatCommaDot, "1,000,000,000,000,000,000,000,000,000,000.00"},
		{"123456789012345678901234567890.129", core.ColumnMoney, core.FormatPlain, "123456789012345678901234567890.13"},
		{"2038", core.ColumnCount, core.FormatCommaDot, "2,038"},
		{"1234567", core.ColumnCount, core.FormatSpaceComma, "1" + nbsp + "234" + nbsp + "567"},
		{"12.5", core.ColumnCount, core.FormatCommaDot, "13"},
		{"-999", core.ColumnCount, core.FormatDotComma, "-999"},
		{"0", core.ColumnCount, core.FormatCommaDot, "0"},
		{"19.90", core.ColumnDecimal, core.FormatCommaDot, "19.9"},
		{"1234.5678", core.ColumnDecimal, core.FormatCommaDot, "1,234.5678"},
		{"1234.5678", core.ColumnDecimal, core.FormatDotComma, "1.234,5678"},
		{"0.000000001", core.ColumnDecimal, core.FormatCommaDot, "0.000000001"},
		{"-0.000000001", core.ColumnDecimal, core.FormatPlain, "-0.000000001"},
		{"0.000000001", core.ColumnMoney, core.FormatCommaDot, "0.00"},
		{"12345678901234567.89", core.ColumnDecimal, core.FormatPlain, "12345678901234567.89"},
	}
	for _, tt := range tests {
		got := tt.format.FormatDecimal(decimal.RequireFromString(tt.in), tt.kind)
		if got != tt.want {
			t.Errorf("%s as %q in %s = %q, want %q", tt.in, tt.kind, tt.format, got, tt.want)
		}
	}
}

// TestShowNotNumbers shows values that read as no number as their text.
func TestShowNotNumbers(t *testing.T) {
	tests := []struct {
		in   any
		want string
	}{
		{"n/a", "n/a"}, {"NaN", "NaN"}, {math.NaN(), "NaN"}, {math.Inf(1), "+Inf"}, {nil, ""}, {"", ""}, {true, "true"},
		{json.Number("2498.21"), "2,498.21"}, {"$1,204.1", "1,204.10"}, {0.1, "0.10"},
		{core.Quantity{Value: decimal.RequireFromString("5"), Kind: core.ColumnCount}, "5.00"},
	}
	for _, tt := range tests {
		if got := core.FormatCommaDot.Show(tt.in, core.ColumnMoney); got != tt.want {
			t.Errorf("Show(%#v) = %q, want %q", tt.in, got, tt.want)
		}
	}
	q := core.Quantity{Value: decimal.RequireFromString("1234"), Kind: core.ColumnCount}
	if got := core.FormatDotComma.Show(q, core.ColumnText); got != "1.234" {
		t.Errorf("a Quantity shown by its own kind = %q, want 1.234", got)
	}
	if got := core.FormatDotComma.Show("1234", core.ColumnText); got != "1234" {
		t.Errorf("text column = %q, want it unchanged", got)
	}
}

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in     string
		format core.NumberFormat
		want   string // "" for an error
	}{
		{"1.234.56", core.FormatCommaDot, ""},
		{"-1,234,567", core.FormatCommaDot, "-1234567"},
		{"1.234,56", core.FormatDotComma, "1234.56"},
		{"1 234,56", core.FormatSpaceComma, "1234.56"},
		{"1" + nbsp + "234,56", core.FormatSpaceComma, "1234.56"},
		{"1234.56", core.FormatPlain, "1234.56"},
		{"007", core.FormatPlain, "7"},
		{"1,234.56", core.FormatPlain, ""},
		{"1.234.56", core.FormatCommaDot, ""},
		{"1,5", core.FormatCommaDot, "15"},
		{"1.5.5", core.FormatPlain, ""},
		{"1e5", core.FormatPlain, ""},
		{"NaN", core.FormatPlain, ""},
		{"", core.FormatPlain, ""},
		{"-", core.FormatPlain, ""},
		{".5", core.FormatPlain, ""},
		{"5.", core.FormatPlain, ""},
	}
	for _, tt := range tests {
		got, err := core.ParseNumber(tt.in, tt.format)
		if tt.want == "" {
			if core.ErrorCode(err) != core.EINVALID {
				t.Errorf("ParseNumber(%q, %s) = %v, %v; want EINVALID", tt.in, tt.format, got, err)
			}
			continue
		}
		if err != nil || got.String() != tt.want {
			t.Errorf("ParseNumber(%q, %s) = %v, %v; want %s", tt.in, tt.format, got, err, tt.want)
		}
	}
}

func TestCheckNumberFormat(t *testing.T) {
	for _, f := range core.NumberFormats {
		if got, err := core.CheckNumberFormat(string(f)); err != nil || got != f {
			t.Errorf("CheckNumberFormat(%q) = %q, %v", f, got, err)
		}
	}
	for _, bad := range []string{"", "1'234.56", "comma", "1,234.56 "} {
		_, err := core.CheckNumberFormat(bad)
		if core.ErrorField(err) != "numberFormat" || !strings.Contains(core.ErrorMessage(err), "1.234,56") {
			t.Errorf("CheckNumberFormat(%q) = %v, want a numberFormat error listing the choices", bad, err)
		}
	}
}
