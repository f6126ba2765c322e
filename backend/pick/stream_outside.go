package pick

import "github.com/ohler55/ojg/jp"

// outside reports whether x stays clear of the list at prefix: it names
// plain keys and leaves prefix's keys before reaching the list, so its
// values are the same on any page's envelope. $['@total'] is outside the
// list at [Actions]; $.data.total is outside [data items]; $.data, $..x
// and $.* are not.
func outside(x jp.Expr, prefix []string) bool {
	j := 0
	for _, f := range x[1:] {
		switch c := f.(type) {
		case jp.Bracket:
			continue
		case jp.Child:
			if j >= len(prefix) {
				return false
			}
			if string(c) != prefix[j] {
				return true
			}
			j++
		default:
			return false
		}
	}
	return false
}

// childFrags turns keys into path fragments.
func childFrags(keys []string) jp.Expr {
	out := make(jp.Expr, len(keys))
	for i, k := range keys {
		out[i] = jp.Child(k)
	}
	return out
}
