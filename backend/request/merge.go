package request

import (
	"encoding/json"
	"strings"

	"github.com/affdesk/affdesk/backend/core"
)

// merger joins the pages (and date windows) of a call into one body: the
// first page, with the list at itemsKey holding every page's items.
type merger struct {
	itemsKey string
	merge    bool
	first    any
	items    []any
	last     []byte
}

func newMerger(itemsKey string, merge bool) *merger { return &merger{itemsKey: itemsKey, merge: merge} }

func (m *merger) add(body []byte) error {
	m.last = body
	if !m.merge {
		return nil
	}
	doc, err := decode(body)
	if err != nil {
		return core.Errorf(core.EINVALID, "A page is not JSON, so pages cannot be merged: %v.", err)
	}
	items, _ := core.Dig(doc, m.itemsKey).([]any)
	if m.first == nil {
		m.first = doc
	}
	m.items = append(m.items, items...)
	return nil
}

// result returns the merged body, or the single body when nothing merges.
func (m *merger) result() ([]byte, error) {
	if !m.merge || m.first == nil {
		return m.last, nil
	}
	if m.items == nil {
		m.items = []any{}
	}
	root := setPath(m.first, m.itemsKey, m.items)
	return json.Marshal(root)
}

// setPath returns doc with the value at a dotted path replaced.
func setPath(doc any, path string, v any) any {
	if path == "" || path == "$" {
		return v
	}
	keys := strings.Split(strings.TrimPrefix(path, "$."), ".")
	cur, ok := doc.(map[string]any)
	if !ok {
		return doc
	}
	for _, k := range keys[:len(keys)-1] {
		next, ok := cur[k].(map[string]any)
		if !ok {
			return doc
		}
		cur = next
	}
	cur[keys[len(keys)-1]] = v
	return doc
}
