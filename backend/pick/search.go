package pick

import (
	"sort"
	"strconv"
	"strings"
)

// MaxSearchMatches is how many matches Search returns at most; it still
// counts every match.
const MaxSearchMatches = 2000

// Match is one value of a document whose key or scalar text holds the
// searched words.
type Match struct {
	Path     string `json:"path"`     // JSONPath of the value, as its tree node shows it
	Segments []any  `json:"segments"` // the path as keys and indexes
	// Positions holds, for each segment, the place of that child among
	// its parent's children in the order Children lists them (object keys
	// sorted), so a view can load the page that holds it.
	Positions []int `json:"positions"`
	InKey     bool  `json:"inKey"`   // the key (or "[i]" label) matched
	InValue   bool  `json:"inValue"` // the scalar value matched
}

// Matches is the answer to a search: the first matches in tree order and
// how many there are in all.
type Matches struct {
	Query   string  `json:"query"`
	Matches []Match `json:"matches"`
	Total   int     `json:"total"`
}

// Search finds every value whose key or scalar text contains query,
// ignoring case, walking the document in the order the tree shows it. It
// returns up to max matches (MaxSearchMatches when max is not positive)
// and counts them all. The root itself never matches by key. An empty
// query matches nothing.
func (d *Document) Search(query string, max int) Matches {
	if max <= 0 || max > MaxSearchMatches {
		max = MaxSearchMatches
	}
	s := searcher{q: strings.ToLower(query), max: max, out: Matches{Query: query, Matches: []Match{}}}
	if s.q != "" {
		s.walk(d.root, "", false)
	}
	return s.out
}

type searcher struct {
	q         string
	max       int
	segments  []any
	positions []int
	out       Matches
}

// walk visits v, reached under key (keyed says it has one): v itself
// first, then its children in tree order, so matches come in the order
// the tree lists them.
func (s *searcher) walk(v any, key string, keyed bool) {
	inKey := keyed && s.has(key)
	switch t := v.(type) {
	case map[string]any:
		s.found(inKey, false)
		s.object(t)
	case []any:
		s.found(inKey, false)
		s.array(t)
	default:
		s.found(inKey, s.has(scalarText(t)))
	}
}

func (s *searcher) object(m map[string]any) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for i, k := range keys {
		s.push(k, i)
		s.walk(m[k], k, true)
		s.pop()
	}
}

func (s *searcher) array(a []any) {
	for i, v := range a {
		s.push(i, i)
		s.walk(v, "", false)
		s.pop()
	}
}

func (s *searcher) push(seg any, pos int) {
	s.segments = append(s.segments, seg)
	s.positions = append(s.positions, pos)
}

func (s *searcher) pop() {
	s.segments = s.segments[:len(s.segments)-1]
	s.positions = s.positions[:len(s.positions)-1]
}

// found records the value being visited when its key or value matched.
func (s *searcher) found(inKey, inValue bool) {
	if !inKey && !inValue {
		return
	}
	s.out.Total++
	if len(s.out.Matches) >= s.max {
		return
	}
	segs := append([]any{}, s.segments...)
	s.out.Matches = append(s.out.Matches, Match{Path: PathOf(segs), Segments: segs,
		Positions: append([]int{}, s.positions...), InKey: inKey, InValue: inValue})
}

func (s *searcher) has(text string) bool {
	return strings.Contains(strings.ToLower(text), s.q)
}

// scalarText is a scalar's text as the tree shows it, unshortened.
func scalarText(v any) string {
	switch t := v.(type) {
	case string:
		return t
	case bool:
		return strconv.FormatBool(t)
	case nil:
		return "null"
	}
	return numberText(v)
}
