package store

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/affdesk/affdesk/backend/core"

	bolt "go.etcd.io/bbolt"
)

// runQuery is a run listing's text search, prepared once per listing.
type runQuery struct {
	text string          // the query, lower case
	raw  []byte          // the query as it reads in a summary's JSON; nil when it cannot be told from the bytes
	ids  map[uint64]bool // automations whose every run matches
	buf  []byte          // scratch space for a value in lower case
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
	// JSON escapes quotes, backslashes, <, > and &, control characters,
	// U+2028 and U+2029, and writes bad UTF-8 as U+FFFD: a query holding
	// one is checked on the decoded summary only.
	if !strings.ContainsAny(text, "\"\\<>&\u2028\u2029\ufffd") && !strings.ContainsFunc(text, func(r rune) bool { return r < 0x20 }) {
		q.raw = []byte(text)
	}
	return q
}

// searchedKeys open, as encodeSummary writes them, the string values a
// search reads in a summary's JSON besides the status (in its header).
// No JSON string holds one: its quotes would be escaped.
var searchedKeys = [][]byte{[]byte(`"automationName":"`), []byte(`"trigger":"`), []byte(`"error":"`)}

// maybe reports whether a stored summary can match, from its bytes alone:
// a false answer is final, a true one needs matches on the decoded run.
// It reads the status and the values of the searched fields, never the
// JSON's keys, so a query such as "at" or "status" decodes no run it
// does not match.
func (q *runQuery) maybe(h summaryHeader, body []byte) bool {
	if q.ids[h.AutomationID] || q.raw == nil || q.statusHolds(string(h.Status)) {
		return true
	}
	for _, key := range searchedKeys {
		if at := bytes.Index(body, key); at >= 0 && q.holds(rawString(body[at+len(key):])) {
			return true
		}
	}
	return false
}

// statusHolds reports whether a status, as stored or with spaces for its
// underscores ("completed with errors"), holds the query.
func (q *runQuery) statusHolds(status string) bool {
	status = strings.ToLower(status)
	return strings.Contains(status, q.text) || strings.Contains(strings.ReplaceAll(status, "_", " "), q.text)
}

// holds reports whether a JSON string's raw text, in lower case, holds
// the query's raw form. ASCII text is lowered into q.buf, without
// allocating.
func (q *runQuery) holds(v []byte) bool {
	q.buf = q.buf[:0]
	for _, c := range v {
		if c >= utf8.RuneSelf {
			return bytes.Contains(bytes.ToLower(v), q.raw)
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		q.buf = append(q.buf, c)
	}
	return bytes.Contains(q.buf, q.raw)
}

// rawString returns the raw (still escaped) text of a JSON string whose
// opening quote is just before v: v up to the closing quote.
func rawString(v []byte) []byte {
	for i := 0; i < len(v); i++ {
		switch v[i] {
		case '\\':
			i++
		case '"':
			return v[:i]
		}
	}
	return v
}

// matches reports whether a listed run's automation name, status (with
// spaces for underscores), trigger or error holds the query, or its
// automation is one the query matched.
func (q *runQuery) matches(r core.Run) bool {
	if q.ids[r.AutomationID] {
		return true
	}
	if q.statusHolds(string(r.Status)) {
		return true
	}
	for _, field := range []string{r.AutomationName, r.Trigger, r.Error} {
		if strings.Contains(strings.ToLower(field), q.text) {
			return true
		}
	}
	return false
}

// startBefore places c on the last key below before (or the last key when
// before is 0) and returns it and its value; nil when there is none.
func startBefore(c *bolt.Cursor, before uint64) ([]byte, []byte) {
	if before == 0 {
		return c.Last()
	}
	k, v := c.Seek(itob(before))
	if k == nil {
		k, v = c.Last()
	}
	for k != nil && btoi(k) >= before {
		k, v = c.Prev()
	}
	return k, v
}
