package service

import (
	"testing"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/request"
)

// TestHTTPRecordsCarryOutcomes proves the run log keeps each write's
// outcome as the request client recorded it.
func TestHTTPRecordsCarryOutcomes(t *testing.T) {
	in := []request.Exchange{
		{Request: request.Record{Method: "PUT"}, Outcome: core.OutcomeUnknown},
		{Request: request.Record{Method: "POST"}, Outcome: core.OutcomeNotSent, NotSent: true},
		{Request: request.Record{Method: "GET"}},
	}
	out := httpRecords(in)
	for i, want := range []string{core.OutcomeUnknown, core.OutcomeNotSent, ""} {
		if out[i].Outcome != want {
			t.Errorf("record %d: outcome %q, want %q", i, out[i].Outcome, want)
		}
	}
}
