// Package pick reads JSON responses with ojg: it keeps a parsed document in
// Go and hands the UI one page of a node's children at a time, each with
// the JSONPath that selects it, so a large body never floods the webview.
package pick

import (
	"sort"
	"strconv"
	"unicode/utf8"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/ohler55/ojg/jp"
	"github.com/ohler55/ojg/oj"
)

// MaxPreview is how many characters of a string value a node shows.
const MaxPreview = 200

// Kind is a JSON value's type as the tree shows it.
type Kind string

// Node kinds.
const (
	KindObject Kind = "object"
	KindArray  Kind = "array"
	KindString Kind = "string"
	KindNumber Kind = "number"
	KindBool   Kind = "boolean"
	KindNull   Kind = "null"
)

// Node is one value of the document as the tree shows it.
type Node struct {
	Key       string `json:"key"`      // object key, or "[i]" for an array item
	Path      string `json:"path"`     // JSONPath selecting this value, e.g. $.Actions[0].Id
	Segments  []any  `json:"segments"` // the path as keys (string) and indexes (int), for Children
	Kind      Kind   `json:"kind"`
	Preview   string `json:"preview"`   // scalar text, shortened past MaxPreview
	Truncated bool   `json:"truncated"` // the preview was shortened
	Count     int    `json:"count"`     // children of an object or array
}

// Page is a slice of a node's children.
type Page struct {
	Nodes  []Node `json:"nodes"`
	Offset int    `json:"offset"`
	Total  int    `json:"total"`
}

// Document is a parsed JSON body.
type Document struct{ root any }

// Parse parses a JSON body. The error says where the JSON breaks. It
// never panics: ojg v1.28.5 panics on some malformed input (such as
// {"":t,"":null0}), which is reported as invalid JSON here.
func Parse(body []byte) (doc *Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, core.Errorf(core.EINVALID, "The response is not valid JSON.")
		}
	}()
	v, err := oj.Parse(body)
	if err != nil {
		return nil, core.Errorf(core.EINVALID, "The response is not valid JSON: %v.", err)
	}
	return &Document{root: v}, nil
}

// Root returns the node for the whole document.
func (d *Document) Root() Node { return nodeOf("$", nil, d.root) }

// Children returns up to limit children of the node at segments, from
// offset. Object keys come in sorted order. ENOTFOUND if the path does not
// lead to a value; EINVALID if it leads to a scalar.
func (d *Document) Children(segments []any, offset, limit int) (Page, error) {
	v, err := d.at(segments)
	if err != nil {
		return Page{}, err
	}
	if offset < 0 {
		offset = 0
	}
	if limit <= 0 || limit > 1000 {
		limit = 1000
	}
	switch t := v.(type) {
	case map[string]any:
		return objectPage(segments, t, offset, limit), nil
	case []any:
		return arrayPage(segments, t, offset, limit), nil
	}
	return Page{}, core.Errorf(core.EINVALID, "The value at %s has no children.", PathOf(segments))
}

func objectPage(segments []any, m map[string]any, offset, limit int) Page {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	p := Page{Offset: offset, Total: len(keys), Nodes: []Node{}}
	for i := offset; i < len(keys) && i < offset+limit; i++ {
		p.Nodes = append(p.Nodes, nodeOf(keys[i], appendSeg(segments, keys[i]), m[keys[i]]))
	}
	return p
}

func arrayPage(segments []any, a []any, offset, limit int) Page {
	p := Page{Offset: offset, Total: len(a), Nodes: []Node{}}
	for i := offset; i < len(a) && i < offset+limit; i++ {
		p.Nodes = append(p.Nodes, nodeOf("["+strconv.Itoa(i)+"]", appendSeg(segments, i), a[i]))
	}
	return p
}

func appendSeg(segments []any, seg any) []any {
	out := make([]any, len(segments), len(segments)+1)
	copy(out, segments)
	return append(out, seg)
}

// at walks the segments from the root.
func (d *Document) at(segments []any) (any, error) {
	v := d.root
	for _, seg := range segments {
		switch t := v.(type) {
		case map[string]any:
			key, ok := seg.(string)
			child, found := t[key]
			if !ok || !found {
				return nil, notFound(segments)
			}
			v = child
		case []any:
			i, ok := index(seg)
			if !ok || i < 0 || i >= len(t) {
				return nil, notFound(segments)
			}
			v = t[i]
		default:
			return nil, notFound(segments)
		}
	}
	return v, nil
}

// index accepts an int, or a float64 as segments arrive from JSON.
func index(seg any) (int, bool) {
	switch n := seg.(type) {
	case int:
		return n, true
	case int64:
		return int(n), true
	case float64:
		return int(n), n == float64(int(n))
	}
	return 0, false
}

func notFound(segments []any) error {
	return core.Errorf(core.ENOTFOUND, "Nothing in the response at %s.", PathOf(segments))
}

func nodeOf(key string, segments []any, v any) Node {
	n := Node{Key: key, Path: PathOf(segments), Segments: segments}
	if n.Segments == nil {
		n.Segments = []any{}
	}
	switch t := v.(type) {
	case map[string]any:
		n.Kind, n.Count = KindObject, len(t)
	case []any:
		n.Kind, n.Count = KindArray, len(t)
	case string:
		n.Kind = KindString
		n.Preview, n.Truncated = shorten(t)
	case bool:
		n.Kind, n.Preview = KindBool, strconv.FormatBool(t)
	case nil:
		n.Kind, n.Preview = KindNull, "null"
	default:
		n.Kind, n.Preview = KindNumber, numberText(t)
	}
	return n
}

func shorten(s string) (string, bool) {
	if utf8.RuneCountInString(s) <= MaxPreview {
		return s, false
	}
	return string([]rune(s)[:MaxPreview]) + "…", true
}

// PathOf renders segments as a JSONPath, e.g. $.Actions[0].Id.
func PathOf(segments []any) string {
	x := jp.R()
	for _, seg := range segments {
		if key, ok := seg.(string); ok {
			x = x.C(key)
		} else if i, ok := index(seg); ok {
			x = x.N(i)
		}
	}
	return x.String()
}
