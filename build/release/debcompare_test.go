package main

import "strings"

// debianCompare orders two upstream versions as dpkg does: alternating
// runs of non-digits (letters before other characters, ~ before all, even
// the end) and numbers.
func debianCompare(a, b string) int {
	for a != "" || b != "" {
		var pa, pb string
		pa, a = cutRun(a, false)
		pb, b = cutRun(b, false)
		if c := compareLexical(pa, pb); c != 0 {
			return c
		}
		pa, a = cutRun(a, true)
		pb, b = cutRun(b, true)
		if c := compareNumeric(pa, pb); c != 0 {
			return c
		}
	}
	return 0
}

// cutRun splits s after its leading run of digits (digits true) or non-digits.
func cutRun(s string, digits bool) (string, string) {
	i := strings.IndexFunc(s, func(r rune) bool { return (r >= '0' && r <= '9') != digits })
	if i < 0 {
		return s, ""
	}
	return s[:i], s[i:]
}

func compareNumeric(a, b string) int {
	a, b = strings.TrimLeft(a, "0"), strings.TrimLeft(b, "0")
	if len(a) != len(b) {
		return len(a) - len(b)
	}
	return strings.Compare(a, b)
}

func compareLexical(a, b string) int {
	for i := 0; i < len(a) || i < len(b); i++ {
		if c := debOrder(a, i) - debOrder(b, i); c != 0 {
			return c
		}
	}
	return 0
}

// debOrder is dpkg's weight of the character at i: ~ lowest, then the end
// of the string, then letters, then everything else.
func debOrder(s string, i int) int {
	if i >= len(s) {
		return 0
	}
	c := s[i]
	switch {
	case c == '~':
		return -1
	case c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z':
		return int(c)
	default:
		return int(c) + 256
	}
}
