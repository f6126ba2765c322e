package engine

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestEmailRecordKeepsARunsEmailWhole(t *testing.T) {
	table := "<table>" + strings.Repeat("<tr><td>Affiliate é</td><td style=\"text-align:right\">2,498.21</td></tr>", 40) + "</table>"
	long := strings.Repeat("é", MaxEmailRecord)
	inLoop := context.WithValue(context.Background(), itemKey{}, itemMark{index: 3, label: "Id 7"})
	cases := []struct {
		name string
		ctx  context.Context
		html string
		want func(string) bool
	}{
		{"a weekly table, once per run: whole", context.Background(), table, func(s string) bool { return s == table }},
		{"past the cap: cut on a character, marked", context.Background(), long, func(s string) bool {
			return len(s) <= MaxEmailRecord+len("…") && strings.HasSuffix(s, "…") && utf8.ValidString(s)
		}},
		{"inside a loop: a preview", inLoop, table, func(s string) bool { return utf8.RuneCountInString(s) == 2001 && strings.HasSuffix(s, "…") }},
	}
	for _, c := range cases {
		if got := emailRecord(c.ctx, c.html); !c.want(got) {
			t.Errorf("%s: got %d bytes ending %q", c.name, len(got), got[max(0, len(got)-12):])
		}
	}
}
