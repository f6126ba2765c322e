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

// add takes a response that was not decoded yet (a window of an unpaged
// call), decoding it only when it is to be merged.
func (m *merger) add(body []byte) error {
	if !m.merge {
		m.last = body
		return nil
	}
	doc, err := decode(body)
	if err != nil {
		return core.Errorf(core.EINVALID, "A page is not JSON, so pages cannot be merged: %v.", err)
	}
	m.addDoc(body, doc)
	return nil
}

// addDoc takes a page already decoded.
func (m *merger) addDoc(body []byte, doc any) {
	m.last = body
	if !m.merge {
		return
	}
	items, _ := core.Dig(doc, m.itemsKey).([]any)
	if m.first == nil {
		m.first = doc
	}
	m.items = append(m.items, items...)
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
