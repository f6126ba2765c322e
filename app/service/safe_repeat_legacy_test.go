package service_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/affdesk/affdesk/app/internal/testkit"
	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/demotracker"
)

// TestLegacySafeToRepeatOnDeltasIsNotResent proves a template saved as
// "safe to repeat" before deltas were refused is not resent after a lost
// answer: the tracker sees one PUT, the outcome is unknown, and the step
// says why the flag was not honoured.
func TestLegacySafeToRepeatOnDeltasIsNotResent(t *testing.T) {
	s := servicesNoWait(t, nil)
	c := testkit.DemoConn(t, s)
	url, _ := s.DemoURL()
	demo := demoServer(t, s, url)
	tpl, err := s.TemplateFromPreset("impact.actions.update_items", c.ID)
	if err != nil {
		t.Fatal(err)
	}
	tpl.Idempotent, tpl.Retries = true, 3
	if err := s.DB.SaveTemplate(&tpl); err != nil { // as an older build stored it, unchecked
		t.Fatal(err)
	}
	values := exampleValues(tpl)
	a, err := s.SaveAutomation(core.Automation{Name: "Change an item", Trigger: core.Trigger{Kind: "manual"},
		Steps: []core.Step{{ID: "s1", Kind: core.StepActionEdit, TemplateID: tpl.ID, Values: values}}})
	if err != nil {
		t.Fatal(err)
	}
	demo.Inject(demotracker.Fault{PathPrefix: "/Advertisers/", Times: 3, Status: 502})
	run, err := s.RunNow(context.Background(), a.ID, false, "manual")
	if err != nil {
		t.Fatal(err)
	}
	if n := writes(demo.Calls()); n != 1 {
		t.Fatalf("the tracker saw %d writes, want 1", n)
	}
	st := run.Steps[0]
	if st.Status != core.StepUnknown || !slices.ContainsFunc(st.Warnings, func(w string) bool { return strings.Contains(w, "Not treated as safe to repeat") }) {
		t.Fatalf("step %s %q warnings %q", st.Status, st.Error, st.Warnings)
	}
}
