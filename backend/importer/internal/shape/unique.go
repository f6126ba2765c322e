package shape

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/affdesk/affdesk/backend/core"
)

// Unique hands out names that no earlier call returned, compared without
// regard to case, so that templates imported together never share a name.
type Unique struct {
	seen map[string]bool
	max  int
}

// NewUnique returns a Unique whose names hold at most max characters.
func NewUnique(max int) *Unique { return &Unique{seen: map[string]bool{}, max: max} }

// NewNames returns a Unique for template names.
func NewNames() *Unique { return NewUnique(core.MaxNameLength) }

// Take returns want on one line, clipped, with " (2)", " (3)", … added
// when an earlier name was the same; fallback stands in for an empty want.
func (u *Unique) Take(want, fallback string) string {
	base := OneLine(want, u.max)
	if base == "" {
		base = OneLine(fallback, u.max)
	}
	name := base
	for n := 2; u.seen[strings.ToLower(name)]; n++ {
		suffix := fmt.Sprintf(" (%d)", n)
		name = clipRunes(base, u.max-utf8.RuneCountInString(suffix)) + suffix
	}
	u.seen[strings.ToLower(name)] = true
	return name
}

func clipRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n])
}
