package engine

import (
	"strings"
	"time"

	"github.com/affdesk/affdesk/backend/core"
)

// holds evaluates rules combined with "all" (AND, the default) or "any" (OR).
func holds(rules []core.ConditionRule, match string, left, right func(core.ConditionRule) any) bool {
	any := match == "any"
	for _, r := range rules {
		ok := compare(left(r), r.Op, right(r))
		if any && ok {
			return true
		}
		if !any && !ok {
			return false
		}
	}
	return !any
}

// compare applies an operator. Numbers compare as numbers and dates as
// dates when both sides read as such; otherwise as text (case-insensitive
// for contains).
func compare(a any, op string, b any) bool {
	switch op {
	case core.OpEmpty:
		return isEmpty(a)
	case core.OpNotEmpty:
		return !isEmpty(a)
	case core.OpContains:
		return containsValue(a, b)
	case core.OpNotContains:
		return !containsValue(a, b)
	}
	c, ok := order(a, b)
	switch op {
	case core.OpEquals:
		return ok && c == 0
	case core.OpNotEquals:
		return !ok || c != 0
	case core.OpGreater:
		return ok && c > 0
	case core.OpLess:
		return ok && c < 0
	}
	return false
}

// order compares a and b: -1, 0 or 1, and whether they are comparable.
// Numbers compare exactly as decimals: "19.90" equals 19.9.
func order(a, b any) (int, bool) {
	if x, okA := core.ToDecimal(a); okA {
		if y, okB := core.ToDecimal(b); okB {
			return x.Cmp(y), true
		}
	}
	if x, okA := date(a); okA {
		if y, okB := date(b); okB {
			return x.Compare(y), true
		}
	}
	sa, sb := strings.TrimSpace(text(a)), strings.TrimSpace(text(b))
	return strings.Compare(sa, sb), true
}

var dateLayouts = []string{time.RFC3339, "2006-01-02 15:04:05", "2006-01-02"}

func date(x any) (time.Time, bool) {
	s, ok := x.(string)
	if !ok {
		return time.Time{}, false
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, strings.TrimSpace(s)); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

func isEmpty(x any) bool {
	switch t := x.(type) {
	case nil:
		return true
	case []any:
		return len(t) == 0
	case *core.Dataset:
		return len(t.Rows) == 0
	}
	return strings.TrimSpace(text(x)) == ""
}

func containsValue(a, b any) bool {
	needle := strings.ToLower(strings.TrimSpace(text(b)))
	if list, ok := a.([]any); ok {
		for _, e := range list {
			if strings.ToLower(strings.TrimSpace(text(e))) == needle {
				return true
			}
		}
		return false
	}
	return strings.Contains(strings.ToLower(text(a)), needle)
}
