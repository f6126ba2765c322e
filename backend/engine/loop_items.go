package engine

import (
	"strings"

	"github.com/affdesk/affdesk/backend/core"
)

// loopItems reads what a For Each goes over: a list, a dataset's rows, or
// a single value.
func loopItems(v vars, over string) ([]any, error) {
	name := strings.Trim(strings.TrimSpace(over), "{}")
	x, ok := v.lookup(name)
	if !ok {
		return nil, core.Errorf(core.EINVALID, "{%s} is not set, so there is nothing to loop over.", name)
	}
	switch t := x.(type) {
	case []any:
		return t, nil
	case *core.Dataset:
		out := make([]any, len(t.Rows))
		for i, row := range t.Rows {
			out[i] = map[string]any(row)
		}
		return out, nil
	case nil:
		return nil, nil
	case string:
		if strings.TrimSpace(t) == "" {
			return nil, nil
		}
	}
	return []any{x}, nil
}

// itemLabel names an item for the log: an object by its ID or name field,
// anything else by its text.
func itemLabel(item any) string {
	if m, ok := item.(map[string]any); ok {
		for _, k := range []string{"Id", "id", "ID", "affiliate_id", "name", "Name", "title"} {
			if v, found := m[k]; found && text(v) != "" {
				return short(k + " " + text(v))
			}
		}
	}
	return short(text(item))
}

func short(s string) string {
	if r := []rune(s); len(r) > 120 {
		return string(r[:120]) + "…"
	}
	return s
}
