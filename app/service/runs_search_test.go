package service_test

import (
	"fmt"
	"testing"

	"github.com/affdesk/affdesk/app/internal/testkit"
	"github.com/affdesk/affdesk/backend/core"
)

// TestRunSearchFindsStepAndTemplateNames: a run matches a search through
// its automation's step names (nested ones too) and template names, as
// well as through its own summary.
func TestRunSearchFindsStepAndTemplateNames(t *testing.T) {
	s, _ := testkit.MustServices(t, nil)
	tpl := core.ActionTemplate{Name: "Reverse one action", Method: "POST", Path: "/x"}
	if err := s.DB.SaveTemplate(&tpl); err != nil {
		t.Fatal(err)
	}
	autos := []core.Automation{
		{Name: "Stats mail", Steps: []core.Step{{ID: "s1", Kind: core.StepSendEmail, Name: "Mail the team"}}},
		{Name: "Cleanup", Steps: []core.Step{{ID: "s1", Kind: core.StepForEach, Name: "Each", Steps: []core.Step{
			{ID: "s2", Kind: core.StepActionEdit, Name: "Undo", TemplateID: tpl.ID}}}}},
	}
	for i := range autos {
		if err := s.DB.SaveAutomation(&autos[i]); err != nil {
			t.Fatal(err)
		}
		r := core.Run{AutomationID: autos[i].ID, AutomationName: autos[i].Name, Status: core.RunCompleted, Trigger: "manual"}
		if err := s.DB.SaveRun(&r); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct{ query, want string }{
		{"mail the", "[1]"},
		{"UNDO", "[2]"},
		{"one action", "[2]"},
		{"cleanup", "[2]"},
		{"manual", "[2 1]"},
		{"nothing like it", "[]"},
	}
	for _, tt := range tests {
		runs, err := s.ListRuns("", core.RunFilter{Query: tt.query})
		if err != nil {
			t.Fatal(err)
		}
		ids := []uint64{}
		for _, r := range runs {
			ids = append(ids, r.ID)
		}
		if got := fmt.Sprint(ids); got != tt.want {
			t.Errorf("%q: got %s, want %s", tt.query, got, tt.want)
		}
	}
}

// TestRunSearchPageGoesOn proves the service's page of a search says
// where it stopped, and that listing again from there (Before: Next)
// gives the older matches, through step names too, until none is left.
func TestRunSearchPageGoesOn(t *testing.T) {
	s, _ := testkit.MustServices(t, nil)
	a := core.Automation{Name: "Payouts", Steps: []core.Step{{ID: "s1", Kind: core.StepSendEmail, Name: "Mail the team"}}}
	if err := s.DB.SaveAutomation(&a); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Payouts", "Other", "Payouts", "Other", "Payouts"} {
		r := core.Run{AutomationID: a.ID, AutomationName: name, Status: core.RunCompleted, Trigger: "manual"}
		if name == "Other" {
			r.AutomationID = a.ID + 1
		}
		if err := s.DB.SaveRun(&r); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		f        core.RunFilter
		want     string
		wantNext uint64
	}{
		{core.RunFilter{Query: "mail the", Limit: 2}, "[5 3]", 3},
		{core.RunFilter{Query: "mail the", Limit: 2, Before: 3}, "[1]", 0},
		{core.RunFilter{Query: "other"}, "[4 2]", 0},
		{core.RunFilter{Query: "nothing like it"}, "[]", 0},
	}
	for _, tt := range tests {
		page, err := s.ListRunsPage("", tt.f)
		if err != nil {
			t.Fatal(err)
		}
		ids := []uint64{}
		for _, r := range page.Runs {
			ids = append(ids, r.ID)
		}
		if got := fmt.Sprint(ids); got != tt.want || page.Next != tt.wantNext || page.Partial {
			t.Errorf("%+v: got %s next %d partial %v, want %s next %d", tt.f, got, page.Next, page.Partial, tt.want, tt.wantNext)
		}
	}
}
