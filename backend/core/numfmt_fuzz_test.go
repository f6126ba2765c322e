package core_test

import (
	"testing"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/shopspring/decimal"
)

// FuzzNumberFormat reads any text as a number and writes it back: no
// panic in any format or kind, and in the plain format a decimal's exact
// text reads back as the same number.
func FuzzNumberFormat(f *testing.F) {
	for _, s := range []string{"0", "-0", "19.90", "2498.21", "-1234567.891", "0.000000001", "1e30", "12345678901234567.89", "NaN", "1,234.56", "$5", "4.51%", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, nf := range core.NumberFormats {
			for _, kind := range []core.ColumnKind{core.ColumnMoney, core.ColumnCount, core.ColumnDecimal, core.ColumnText} {
				_ = nf.Show(s, kind)
			}
			_, _ = core.ParseNumber(s, nf)
		}
		d, ok := core.ToDecimal(s)
		if !ok {
			return
		}
		for _, nf := range core.NumberFormats {
			back, err := core.ParseNumber(nf.FormatDecimal(d, core.ColumnDecimal), nf)
			if err != nil || !back.Equal(d) {
				t.Fatalf("%q in %s: wrote %q, read back %v, %v", s, nf, nf.FormatDecimal(d, core.ColumnDecimal), back, err)
			}
		}
		if _, err := decimal.NewFromString(core.ExactNumber(d).String()); err != nil {
			t.Fatalf("ExactNumber(%q) = %q is no number: %v", s, core.ExactNumber(d), err)
		}
	})
}
