package core

import "unicode/utf8"

// CutUTF8 cuts s to at most max bytes without splitting a character, and
// says whether it cut. Text that fits is returned as it is.
func CutUTF8[T ~string | ~[]byte](s T, max int) (T, bool) {
	if len(s) <= max {
		return s, false
	}
	cut := max
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut], true
}
