package shape

import (
	"strings"

	"github.com/affdesk/affdesk/backend/core"
	"unicode/utf8"
)

// Text limits for what a source may carry in long prose.
const (
	MaxDescription = 500
	MaxNotes       = 2000
)

// Clip trims s and cuts it to at most max characters, ending a cut text
// with "…".
func Clip(s string, max int) string {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:max-1])) + "…"
}

// OneLine joins s's lines and runs of spaces into single spaces and clips
// it to max characters.
func OneLine(s string, max int) string {
	return Clip(strings.Join(strings.Fields(s), " "), max)
}

// Tags returns at most core.MaxTags non-empty tags on one line each,
// clipped to core.MaxTagLen characters, in order.
func Tags(in []string) []string {
	var out []string
	for _, t := range in {
		if t = OneLine(t, core.MaxTagLen); t != "" && len(out) < core.MaxTags {
			out = append(out, t)
		}
	}
	return out
}

// FirstNonEmpty returns the first of s that is not blank, or "".
func FirstNonEmpty(s ...string) string {
	for _, x := range s {
		if strings.TrimSpace(x) != "" {
			return x
		}
	}
	return ""
}
