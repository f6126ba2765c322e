package store

import (
	"bytes"
	"strings"

	"github.com/affdesk/affdesk/backend/core"
	bolt "go.etcd.io/bbolt"
)

// runQuery is a run listing's text search, prepared once per listing.
type runQuery struct {
	text string          // the query, lower case
	raw  [][]byte        // forms the query takes in a summary's JSON; nil when it cannot be told from the bytes
	ids  map[uint64]bool // automations whose every run matches
}

// newRunQuery returns the listing's search, or nil when f searches nothing.
func newRunQuery(f core.RunFilter) *runQuery {
	text := strings.ToLower(strings.TrimSpace(f.Query))
	if text == "" {
		return nil
	}
	q := &runQuery{text: text, ids: map[uint64]bool{}}
	for _, id := range f.QueryAutomations {
		q.ids[id] = true
	}
	// JSON escapes quotes, backslashes, <, > and & and control characters:
	// a query holding one is checked on the decoded summary only.
	if !strings.ContainsAny(text, "\"\\<>&") && !strings.ContainsFunc(text, func(r rune) bool { return r < 0x20 }) {
		q.raw = [][]byte{[]byte(text), []byte(strings.ReplaceAll(text, " ", "_"))}
	}
	return q
}

// maybe reports whether a stored summary can match, from its bytes alone:
// a false answer is final, a true one needs matches on the decoded run.
func (q *runQuery) maybe(h summaryHeader, body []byte) bool {
	if q.ids[h.AutomationID] || q.raw == nil {
		return true
	}
	lower := bytes.ToLower(body)
	for _, r := range q.raw {
		if bytes.Contains(lower, r) {
			return true
		}
	}
	return false
}

// matches reports whether a listed run's automation name, status (with
// spaces for underscores), trigger or error holds the query, or its
// automation is one the query matched.
func (q *runQuery) matches(r core.Run) bool {
	if q.ids[r.AutomationID] {
		return true
	}
	for _, field := range []string{r.AutomationName, string(r.Status), strings.ReplaceAll(string(r.Status), "_", " "), r.Trigger, r.Error} {
		if strings.Contains(strings.ToLower(field), q.text) {
			return true
		}
	}
	return false
}

// startBefore places c on the last key below before (or the last key when
// before is 0) and returns it; nil when there is none.
func startBefore(c *bolt.Cursor, before uint64) []byte {
	if before == 0 {
		k, _ := c.Last()
		return k
	}
	k, _ := c.Seek(itob(before))
	if k == nil {
		k, _ = c.Last()
	}
	for k != nil && btoi(k) >= before {
		k, _ = c.Prev()
	}
	return k
}
