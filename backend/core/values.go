package core

import (
	"encoding/json"
	"strconv"
	"strings"
)

// Number reads a value as a number, the way trackers send them: JSON
// numbers, and text such as "12.5", "2,038", "$1,204.10" or "4.51%". Text
// that is not wholly a number gives ok false.
func Number(x any) (float64, bool) {
	switch t := x.(type) {
	case float64:
		return t, true
	case int:
		return float64(t), true
	case int64:
		return float64(t), true
	case json.Number:
		f, err := t.Float64()
		return f, err == nil
	case string:
		s := strings.TrimSpace(t)
		s = strings.TrimSuffix(strings.TrimPrefix(s, "$"), "%")
		s = strings.ReplaceAll(s, ",", "")
		if s == "" {
			return 0, false
		}
		f, err := strconv.ParseFloat(s, 64)
		return f, err == nil
	}
	return 0, false
}

// Dig follows a dotted key path through decoded JSON objects: "data.items"
// (a leading "$." is allowed; "" or "$" is the document itself). It
// returns nil when a key is missing or a value on the way is no object.
func Dig(doc any, path string) any {
	if path == "" || path == "$" {
		return doc
	}
	cur := doc
	for _, key := range strings.Split(strings.TrimPrefix(path, "$."), ".") {
		if key == "" {
			continue
		}
		m, ok := cur.(map[string]any)
		if !ok {
			return nil
		}
		cur = m[key]
	}
	return cur
}
