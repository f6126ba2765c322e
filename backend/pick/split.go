package pick

import (
	"strings"

	"github.com/ohler55/ojg/jp"
)

// split cuts a compiled path into the object keys leading to an array
// and the rest, applied to one element at a time: $.a.b[*].c becomes
// [a b] and $[*].c, and $.a[?@.x>1].y becomes [a] and $[?@.x>1].y. It
// succeeds only when selecting element by element gives what the whole
// path gives: plain keys, then a wildcard or a filter that does not look
// at the document's root ($). The element rest is evaluated on a one-item
// array holding the element.
func split(x jp.Expr) (prefix []string, rest jp.Expr, ok bool) {
	if len(x) == 0 {
		return nil, nil, false
	}
	if _, root := x[0].(jp.Root); !root {
		return nil, nil, false
	}
	for i := 1; i < len(x); i++ {
		switch f := x[i].(type) {
		case jp.Bracket:
			continue
		case jp.Child:
			prefix = append(prefix, string(f))
		case jp.Wildcard, *jp.Filter:
			if rootInFilters(x[i:]) {
				return nil, nil, false
			}
			return prefix, append(jp.Expr{jp.Root('$')}, x[i:]...), true
		default:
			return nil, nil, false
		}
	}
	return nil, nil, false
}

// rootInFilters reports whether a filter of x may look at the document's
// root, which an element alone cannot answer (a '$' in a quoted string
// counts too, to stay on the safe side).
func rootInFilters(x jp.Expr) bool {
	for _, f := range x {
		if flt, ok := f.(*jp.Filter); ok && strings.Contains(flt.String(), "$") {
			return true
		}
	}
	return false
}

// keysOf turns a pagination items field (Actions, data.items, $.data or
// $) into object keys; "" and "$" mean the body is the list.
func keysOf(itemsKey string) []string {
	k := strings.TrimPrefix(strings.TrimPrefix(itemsKey, "$"), ".")
	if k == "" {
		return nil
	}
	return strings.Split(k, ".")
}

func samePrefix(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
