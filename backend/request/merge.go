package request

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/affdesk/affdesk/backend/core"
)

// merger joins the pages (and date windows) of a call into one body: the
// first page, with the list at the items key holding every page's items
// and its counts (total, pages) describing the merged list.
type merger struct {
	pg     core.Pagination
	merge  bool
	dedupe bool // windows share boundaries: drop records an earlier window returned
	first  any
	items  []any
	seen   map[string]bool // records of earlier windows
	now    map[string]bool // records of the window being read
	pieces int
	last   []byte
	cap    int64 // the response size cap, which the merged pages may not pass
	size   int64 // bytes merged so far
	// streamed is set when a PageReader took the records: first is then
	// the first page's envelope and total counts every page's records.
	streamed bool
	total    int
}

// newMerger returns a merger; dedupe is set when the call was split into
// date windows, whose shared boundaries can return a record twice.
func newMerger(pg core.Pagination, merge, dedupe bool) *merger {
	return &merger{pg: pg, merge: merge, dedupe: dedupe, seen: map[string]bool{}, now: map[string]bool{}}
}

// nextWindow starts a new date window: the records read so far become the
// earlier windows' records, against which the next ones are checked. Two
// equal records within one window are both kept (rows without an ID can
// be equal and still distinct).
func (m *merger) nextWindow() {
	for k := range m.now {
		m.seen[k] = true
	}
	clear(m.now)
}

// add takes a response that was not decoded yet (a window of an unpaged
// call), decoding it only when it is to be merged.
func (m *merger) add(body []byte) error {
	if !m.merge {
		m.last = body
		return nil
	}
	if err := m.grow(body); err != nil {
		return err
	}
	doc, err := decode(body)
	if err != nil {
		return core.Errorf(core.EINVALID, "A page is not JSON, so pages cannot be merged: %v.", err)
	}
	m.addDoc(body, doc)
	return nil
}

// grow counts a body about to be merged against the size cap.
func (m *merger) grow(body []byte) error {
	m.size += int64(len(body))
	if m.cap > 0 && m.size > m.cap && m.pieces > 0 {
		return core.Errorf(core.EINVALID, "The pages together pass the %d MB response size cap, so they cannot be merged: narrow the request, or in an automation select fields of each record ($.Actions[*].Id), which reads the pages one at a time.", m.cap>>20)
	}
	return nil
}

// addPage takes a decoded page of a paged list. The first page was
// decoded quickly (numbers as floats) and is decoded again exactly when
// more pages follow and it is to be merged.
func (m *merger) addPage(body []byte, doc any, page int, more bool) error {
	if err := m.grow(body); err != nil {
		return err
	}
	if page == 1 && !m.dedupe && more {
		var err error
		if doc, err = decode(body); err != nil {
			return core.Errorf(core.EINVALID, "Page %d is not JSON, so it cannot be paged: %v.", page, err)
		}
	}
	m.addDoc(body, doc)
	return nil
}

// addEnvelope takes a page whose records a PageReader read.
func (m *merger) addEnvelope(envelope any, records int) {
	if m.first == nil {
		m.first = envelope
	}
	m.streamed = true
	m.total += records
	m.pieces++
}

// addDoc takes a page already decoded.
func (m *merger) addDoc(body []byte, doc any) {
	m.last = body
	if !m.merge {
		return
	}
	m.pieces++
	items, _ := core.Dig(doc, m.pg.ItemsKey).([]any)
	if m.first == nil {
		m.first = doc
	}
	for _, it := range items {
		if m.dedupe {
			key := m.identity(it)
			if m.seen[key] {
				continue
			}
			m.now[key] = true
		}
		m.items = append(m.items, it)
	}
}

// identity names a record: its ID field when the template names one and
// the record has it, else the whole record as canonical JSON.
func (m *merger) identity(item any) string {
	if m.pg.IDKey != "" {
		if id := core.Dig(item, m.pg.IDKey); id != nil {
			return "id:" + fmt.Sprint(id)
		}
	}
	b, _ := json.Marshal(item)
	return "rec:" + string(b)
}

// result returns the merged body, or the single body when nothing merges.
// A lone page (one page, no date windows) is returned as it came, byte
// for byte: nothing of it is re-encoded.
func (m *merger) result() ([]byte, error) {
	if m.streamed {
		if m.pieces > 1 {
			setCounts(m.first, m.pg.ItemsKey, m.total)
		}
		return json.Marshal(m.first)
	}
	if !m.merge || m.first == nil || m.pieces == 1 && !m.dedupe {
		return m.last, nil
	}
	if m.items == nil {
		m.items = []any{}
	}
	root := setPath(m.first, m.pg.ItemsKey, m.items)
	if m.pieces > 1 || m.dedupe {
		setCounts(root, m.pg.ItemsKey, len(m.items))
	}
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
