package shape

import (
	"strings"
	"unicode/utf8"
)

// Text limits for what a source may carry in long prose.
const (
	MaxDescription = 500
	MaxNotes       = 2000
	MaxTag         = 60
	MaxTags        = 20
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

// Tags returns at most MaxTags non-empty tags on one line each, clipped
// to MaxTag characters, in order.
func Tags(in []string) []string {
	var out []string
	for _, t := range in {
		if t = OneLine(t, MaxTag); t != "" && len(out) < MaxTags {
			out = append(out, t)
		}
	}
	return out
}
