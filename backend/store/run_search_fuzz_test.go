package store

import (
	"testing"

	"github.com/affdesk/affdesk/backend/core"
)

// FuzzRunSearchPreCheck searches a summary of arbitrary name, trigger,
// error and status for an arbitrary query: the byte check of the stored
// summary must never turn away a run the decoded summary matches, and
// must not panic.
func FuzzRunSearchPreCheck(f *testing.F) {
	f.Add("Weekly stats", "schedule", "", "completed", "weekly")
	f.Add("Révérse « fraud »", "manual", `HTTP 401 <Unauthorized> "quoted" \ back`, "completed_with_errors", "with errors")
	f.Add("x\",\"error\":\"needle", "cli", "a\nb", "failed", "nb")
	f.Add("\xff\xfe", "webhook", "\u2028", "cancelled", "\ufffd")
	f.Fuzz(func(t *testing.T, name, trigger, msg, status, query string) {
		if len(status) > 255 {
			return
		}
		r := core.Run{ID: 1, AutomationID: 2, AutomationName: name, Trigger: trigger, Error: msg, Status: core.RunStatus(status)}
		v, err := encodeSummary(&r)
		if err != nil {
			t.Fatal(err)
		}
		q := newRunQuery(core.RunFilter{Query: query})
		if q == nil {
			return
		}
		h, at, err := decodeHeader(v)
		if err != nil {
			t.Fatal(err)
		}
		got, err := decodeSummary(v)
		if err != nil {
			t.Fatal(err)
		}
		if q.matches(got) && !q.maybe(h, v[at:]) {
			t.Fatalf("query %q matches %+v, but the byte check turned it away", query, got)
		}
	})
}
