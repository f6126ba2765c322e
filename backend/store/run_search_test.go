package store_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/affdesk/affdesk/backend/core"
)

// searchRuns stores six finished runs of two automations and one running.
func searchRuns(t *testing.T) func(f core.RunFilter) []uint64 {
	t.Helper()
	db := MustOpen(t, "")
	runs := []core.Run{
		{AutomationID: 1, AutomationName: "Weekly stats", Trigger: "schedule", Status: core.RunCompleted},
		{AutomationID: 2, AutomationName: "Reverse fraud", Trigger: "manual", Status: core.RunFailed, Error: "Step 2: HTTP 401 <Unauthorized>"},
		{AutomationID: 1, AutomationName: "Weekly stats", Trigger: "cli", Status: core.RunCompletedErrors, Error: "3 of 10 items failed"},
		{AutomationID: 2, AutomationName: "Reverse fraud", Trigger: "webhook", Status: core.RunCompleted},
		{AutomationID: 1, AutomationName: "Weekly stats", Trigger: "manual", Status: core.RunRunning},
		{AutomationID: 2, AutomationName: "Révérse « fraud »", Trigger: "manual", Status: core.RunCancelled},
	}
	for i := range runs {
		runs[i].StartedAt = fixed.Add(time.Duration(i) * time.Minute)
		if err := db.SaveRun(&runs[i]); err != nil {
			t.Fatal(err)
		}
	}
	return func(f core.RunFilter) []uint64 {
		got, err := db.ListRuns(f)
		if err != nil {
			t.Fatalf("list %+v: %v", f, err)
		}
		ids := []uint64{}
		for _, r := range got {
			ids = append(ids, r.ID)
		}
		return ids
	}
}

func TestListRunsSearches(t *testing.T) {
	list := searchRuns(t)
	tests := []struct {
		name string
		f    core.RunFilter
		want string
	}{
		{"automation name, any case", core.RunFilter{Query: "WEEKLY"}, "[5 3 1]"},
		{"error text", core.RunFilter{Query: "401"}, "[2]"},
		{"error text JSON escapes", core.RunFilter{Query: "<unauthorized>"}, "[2]"},
		{"status words", core.RunFilter{Query: "with errors"}, "[3]"},
		{"raw status", core.RunFilter{Query: "cancelled"}, "[6]"},
		{"trigger", core.RunFilter{Query: "webhook"}, "[4]"},
		{"non-ASCII name", core.RunFilter{Query: "révérse «"}, "[6]"},
		{"a field name is no match", core.RunFilter{Query: "automationName"}, "[]"},
		{"automations matched by steps", core.RunFilter{Query: "no such text", QueryAutomations: []uint64{2}}, "[6 4 2]"},
		{"with the automation filter", core.RunFilter{Query: "manual", AutomationID: 2}, "[6 2]"},
		{"with a status filter", core.RunFilter{Query: "weekly", Status: core.RunRunning}, "[5]"},
		{"limit stops the search", core.RunFilter{Query: "fraud", Limit: 2}, "[6 4]"},
		{"before pages on", core.RunFilter{Query: "weekly", Before: 5}, "[3 1]"},
		{"before without a search", core.RunFilter{Before: 3, Limit: 1}, "[2]"},
		{"before past the newest", core.RunFilter{Before: 99, Limit: 2}, "[6 5]"},
		{"before the oldest", core.RunFilter{Before: 1}, "[]"},
		{"before among active runs", core.RunFilter{Status: core.RunRunning, Before: 5}, "[]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := fmt.Sprint(list(tt.f)); got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}

func TestListItemsSearches(t *testing.T) {
	db := MustOpen(t, "")
	run := core.Run{Status: core.RunRunning}
	if err := db.SaveRun(&run); err != nil {
		t.Fatal(err)
	}
	items := []core.Iteration{
		{Index: 1, Item: `{"Id":"1000.1.1"}`, Status: core.StepOK},
		{Index: 2, Item: `{"Id":"1000.1.2"}`, Status: core.StepFailed, Steps: []core.StepResult{{Error: "Action is LOCKED"}}},
		{Index: 3, Item: `{"Id":"1000.1.3"}`, Status: core.StepSkipped, Error: "Condition not met"},
		{Index: 4, Item: `{"Id":"2000.1.4"}`, Status: core.StepOK, Steps: []core.StepResult{{Values: map[string]string{"ActionId": "Locked-77"}}}},
	}
	if err := db.SaveItems(run.ID, "2", items); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		f      core.ItemFilter
		want   string
		wantTo int
	}{
		{"preview", core.ItemFilter{Query: "1000.1"}, "[1 2 3]", 3},
		{"step error or value, any case", core.ItemFilter{Query: "locked"}, "[2 4]", 2},
		{"item error", core.ItemFilter{Query: "condition"}, "[3]", 1},
		{"with status", core.ItemFilter{Query: "locked", Status: core.StepOK}, "[4]", 1},
		{"paged", core.ItemFilter{Query: "1000", Offset: 1, Limit: 1}, "[2]", 3},
		{"no match", core.ItemFilter{Query: "zzz"}, "[]", 0},
		{"status alone", core.ItemFilter{Status: core.StepOK}, "[1 4]", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.f.RunID, tt.f.Step = run.ID, "2"
			page, err := db.ListItems(tt.f)
			if err != nil {
				t.Fatal(err)
			}
			got := []int{}
			for _, it := range page.Items {
				got = append(got, it.Index)
			}
			if fmt.Sprint(got) != tt.want || page.Total != tt.wantTo {
				t.Errorf("got %v of %d, want %s of %d", got, page.Total, tt.want, tt.wantTo)
			}
		})
	}
	run.Status = core.RunCompleted
	if err := db.SaveRun(&run); err != nil {
		t.Fatal(err)
	}
	if page, err := db.ListItems(core.ItemFilter{RunID: run.ID, Step: "2", Query: "LOCKED"}); err != nil || page.Total != 2 {
		t.Errorf("a finished (packed) run's items: %+v, %v", page, err)
	}
}
