package pick

import (
	"encoding/json"
	"testing"
)

func TestNumberTextHasNoExponentBelow1e21(t *testing.T) {
	cases := []struct {
		in   any
		want string
	}{
		{int64(9007199254740993), "9007199254740993"},
		{19.9, "19.9"},
		{12345678901234567.25, "12345678901234568"},
		{0.000001, "0.000001"},
		{-2664.27, "-2664.27"},
		{1e21, "1e+21"},
		{json.Number("123456789012345678901234567890.5"), "123456789012345678901234567890.5"},
	}
	for _, c := range cases {
		if got := numberText(c.in); got != c.want {
			t.Errorf("numberText(%v) = %q, want %q", c.in, got, c.want)
		}
	}
}
