package core_test

import (
	"testing"
	"unicode/utf8"

	"github.com/affdesk/affdesk/backend/core"
)

func TestCutUTF8NeverSplitsACharacter(t *testing.T) {
	cases := []struct {
		in   string
		max  int
		want string
		cut  bool
	}{
		{"abc", 3, "abc", false},
		{"abcd", 3, "abc", true},
		{"aé", 2, "a", true}, // é is two bytes: it goes whole
		{"aé", 3, "aé", false},
		{"€€", 4, "€", true},
		{"€", 0, "", true},
	}
	for _, c := range cases {
		got, cut := core.CutUTF8(c.in, c.max)
		if got != c.want || cut != c.cut || !utf8.ValidString(got) {
			t.Errorf("CutUTF8(%q, %d) = %q, %v; want %q, %v", c.in, c.max, got, cut, c.want, c.cut)
		}
		if b, bcut := core.CutUTF8([]byte(c.in), c.max); string(b) != c.want || bcut != c.cut {
			t.Errorf("CutUTF8([]byte %q, %d) = %q, %v", c.in, c.max, b, bcut)
		}
	}
}
