package tracker_test

import (
	"testing"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/tracker"
)

// TestImpactActionsSplitOnEveryDatePair checks what splitting needs from
// the catalogue: the list names its records' ID field, so windows that
// share a boundary merge without duplicates, and each date pair carries
// a splittable 45-day rule, so two long pairs split together.
func TestImpactActionsSplitOnEveryDatePair(t *testing.T) {
	p, ok := tracker.LookupPreset("impact.actions.list")
	if !ok || p.Template.Pagination.IDKey != "Id" {
		t.Fatalf("impact.actions.list pagination %+v", p.Template.Pagination)
	}
	rules := tracker.RulesFor(core.PlatformImpact, "GET", "/Actions")
	values := map[string]string{"ActionDateStart": "2026-01-01T00:00:00Z", "ActionDateEnd": "2026-03-31T00:00:00Z",
		"LockingDateStart": "2026-02-01T00:00:00Z", "LockingDateEnd": "2026-05-01T00:00:00Z"}
	spans := core.BrokenSpans(rules, values)
	if len(spans) != 2 || !spans[0].Splittable() || !spans[1].Splittable() {
		t.Errorf("broken spans %+v", spans)
	}
}
