package cli

import (
	"bytes"
	"testing"

	"github.com/affdesk/affdesk/backend/engine"
)

// TestHeadlessRunsShowTheirWaits proves `affdesk run` prints each wait for
// a rate limit on stderr and nothing for other progress.
func TestHeadlessRunsShowTheirWaits(t *testing.T) {
	var errOut bytes.Buffer
	show := printWaits(&errOut)
	show(engine.Event{RunID: 1, Message: "Step 2: 3 of 40 items"})
	show(engine.Event{RunID: 1, Message: "Waiting 42 s for impact.com's rate limit (3 of 10 min used)", Wait: true})
	if got := errOut.String(); got != "affdesk: Waiting 42 s for impact.com's rate limit (3 of 10 min used)\n" {
		t.Fatalf("stderr %q", got)
	}
}
