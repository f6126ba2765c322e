package core

import "strings"

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
