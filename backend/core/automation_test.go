package core_test

import (
	"strings"
	"testing"

	"github.com/affdesk/affdesk/backend/core"
)

func cols(string) []string { return []string{"revenue", "clicks"} }

// reverseFlow is the shape of the "reverse fraudulent actions" preset.
func reverseFlow() core.Automation {
	return core.Automation{Name: "Reverse", Steps: []core.Step{
		{ID: "s1", Kind: core.StepActionGet, TemplateID: 1, Values: map[string]string{"State": "PENDING"},
			Selections: []core.Selection{{Path: "$.Actions[*].Id", Variable: "Id_action_1"}}},
		{ID: "s2", Kind: core.StepForEach, Over: "Id_action_1", Steps: []core.Step{
			{ID: "s3", Kind: core.StepActionEdit, TemplateID: 2, Values: map[string]string{"ActionId": "{item}", "DispositionCode": "CONS_FRAUD"}},
		}},
		{ID: "s4", Kind: core.StepSendEmail, Email: &core.EmailConfig{To: "ops@example.com", Subject: "Reversed {items_succeeded} on {run_date}", HTML: "Done"}},
	}}
}

func TestAutomationValidate(t *testing.T) {
	tests := []struct {
		name      string
		change    func(a *core.Automation)
		wantField string
		wantMsg   string
	}{
		{"valid", func(*core.Automation) {}, "", ""},
		{"name", func(a *core.Automation) { a.Name = " " }, "name", "Name is required"},
		{"unknown variable", func(a *core.Automation) { a.Steps[0].Values["CampaignId"] = "{campaign}" }, "steps.s1.values.CampaignId", "Step 1 “action get” uses {campaign}, which no step before it sets."},
		{"variable used before it is set", func(a *core.Automation) {
			a.Steps[0].Values["x"] = "{items_succeeded}"
		}, "steps.s1.values.x", "{items_succeeded}"},
		{"item outside its loop", func(a *core.Automation) { a.Steps[2].Email.HTML = "last: {item}" }, "steps.s4.email.html", "{item}"},
		{"nested step label", func(a *core.Automation) { a.Steps[1].Steps[0].Values["x"] = "{nope}" }, "steps.s3.values.x", "Step 2.1"},
		{"item fields are fine", func(a *core.Automation) { a.Steps[1].Steps[0].Values["x"] = "{item.Payout} {item_index}" }, "", ""},
		{"renamed item", func(a *core.Automation) {
			a.Steps[1].ItemName = "action"
			a.Steps[1].Steps[0].Values["ActionId"] = "{action.Id}"
		}, "", ""},
		{"bad operator", func(a *core.Automation) {
			a.Steps = append(a.Steps, core.Step{ID: "s9", Kind: core.StepCondition, Rules: []core.ConditionRule{{Left: "1", Op: "like", Right: "2"}}})
		}, "steps.s9.rules[0].op", "unknown operator"},
		{"repeated ID", func(a *core.Automation) { a.Steps[2].ID = "s1" }, "steps", "repeated ID"},
		{"unknown kind", func(a *core.Automation) { a.Steps[2].Kind = "teleport" }, "steps.s4.kind", "unknown kind"},
		{"too parallel", func(a *core.Automation) { a.Steps[1].Concurrency = 17 }, "steps.s2.concurrency", "1 to 16"},
		{"bad variable name", func(a *core.Automation) { a.Steps[0].Selections[0].Variable = "1 bad" }, "steps.s1.selections[0].variable", "not a valid variable name"},
		{"steps in a non-loop", func(a *core.Automation) { a.Steps[0].Steps = []core.Step{{ID: "x", Kind: core.StepApproval}} }, "steps.s1.steps", "not a For Each"},
		{"loop over an unknown list", func(a *core.Automation) { a.Steps[1].Over = "ghost" }, "steps.s2.over", "{ghost}"},
		{"JSON braces are not variables", func(a *core.Automation) {
			a.Steps[2] = core.Step{ID: "s4", Kind: core.StepSendWebhook, Webhook: &core.WebhookConfig{URL: "https://hooks.example/x", Method: "POST", BodyKind: "json",
				Body: `{"text": "Reversed {items_succeeded}", "n": {"a": 1}}`}}
		}, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := reverseFlow()
			tt.change(&a)
			err := a.Validate(cols)
			if core.ErrorField(err) != tt.wantField || !strings.Contains(core.ErrorMessage(err), tt.wantMsg) {
				t.Fatalf("err = %v (field %q), want %q %q", err, core.ErrorField(err), tt.wantField, tt.wantMsg)
			}
		})
	}
}

func TestDatasetVariablesFlow(t *testing.T) {
	a := core.Automation{Name: "Weekly", Steps: []core.Step{
		{ID: "s1", Kind: core.StepPullStats, Stats: &core.StatsConfig{ConnectionID: 1, StatType: "x", Mode: "dataset",
			Cells: []core.StatsCell{{Column: "revenue", Row: 2, Variable: "revenue_2_stats_1"}}}},
		{ID: "s2", Kind: core.StepFilter, Dataset: "data_table", Rules: []core.ConditionRule{{Left: "revenue", Op: core.OpGreater, Right: "10"}}},
		{ID: "s3", Kind: core.StepSendEmail, Email: &core.EmailConfig{To: "a@b.c", Subject: "{row_count} rows, {total_revenue} total, {revenue_2_stats_1}", HTML: "{data_table_stats_1}"}},
	}}
	if err := a.Validate(cols); err != nil {
		t.Fatal(err)
	}
	a.Steps[0].Stats.Filters = map[string]string{"partner": "{later}"}
	if err := a.Validate(cols); core.ErrorField(err) != "steps.s1.stats.filters.partner" {
		t.Fatalf("an unset variable in a filter: %v", err)
	}
	a.Steps[0].Stats.Filters = nil
	a.Steps[2].Email.HTML = "{total_payout}"
	if err := a.Validate(cols); core.ErrorField(err) != "steps.s3.email.html" {
		t.Fatalf("a column the stat type lacks: %v", err)
	}
}

func TestSetupProblems(t *testing.T) {
	a := core.Automation{Name: "x", Steps: []core.Step{
		{ID: "s1", Kind: core.StepActionGet},
		{ID: "s2", Kind: core.StepForEach, Over: "x"},
		{ID: "s3", Kind: core.StepCondition},
		{ID: "s4", Kind: core.StepSendEmail, Email: &core.EmailConfig{To: "a@b.c"}},
		{ID: "s5", Kind: core.StepApproval},
		{ID: "s6", Kind: core.StepCondition, Rules: []core.ConditionRule{{Op: core.OpGreater}, {Left: " ", Op: core.OpEquals}}},
		{ID: "s7", Kind: core.StepCondition, Rules: []core.ConditionRule{{Op: core.OpGreater}, {Left: "{x}", Op: core.OpNotEmpty}}},
	}}
	got := a.SetupProblems()
	want := map[string]string{"s1": "template", "s2": "steps to run", "s3": "rule", "s4": "subject", "s6": "rule"}
	if len(got) != len(want) {
		t.Fatalf("problems %v", got)
	}
	for id, w := range want {
		if !strings.Contains(got[id], w) {
			t.Errorf("%s: %q lacks %q", id, got[id], w)
		}
	}
}

func TestVariableHelpers(t *testing.T) {
	if got := core.FindVars(`{"a": "{x}", "b": {y.z}} {x} {1bad} {item.Payout}`); strings.Join(got, ",") != "x,y.z,item.Payout" {
		t.Errorf("FindVars = %v", got)
	}
	sub := core.Substitute("Hi {name}, {missing} stays", func(n string) (string, bool) { return "Ana", n == "name" })
	if sub != "Hi Ana, {missing} stays" {
		t.Errorf("Substitute = %q", sub)
	}
	tests := map[string]string{
		core.SelectionVar("$.Actions[0].Payout", 1):                 "Payout_action_1",
		core.SelectionVar("$.Actions[?(@.State=='PENDING')].Id", 2): "Id_action_2",
		core.SelectionVar("$['odd key']", 3):                        "odd_key_action_3",
		core.SelectionVar("$", 1):                                   "value_action_1",
		core.CellVar("revenue", 2, 1):                               "revenue_2_stats_1",
		core.CellVar("Conv. Rate", 1, 2):                            "Conv__Rate_1_stats_2",
	}
	for got, want := range tests {
		if got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
	nums := core.Numbering(reverseFlow().Steps)
	if nums["s1"] != 1 || nums["s3"] != 2 || nums["s2"] != 1 {
		t.Errorf("numbering %v", nums)
	}
}
