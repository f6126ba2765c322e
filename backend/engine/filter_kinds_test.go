package engine_test

import (
	"strings"
	"testing"

	"github.com/affdesk/affdesk/backend/core"
)

// TestFilterKeepsMoneyColumns runs the weekly email's shape, Pull Stats
// then Filter Data then an email: the filtered table and its totals
// still read as money with two decimals and counts as whole numbers, as
// they do without the filter.
func TestFilterKeepsMoneyColumns(t *testing.T) {
	tests := []struct {
		name    string
		filter  bool
		subject string
		cell    string
	}{
		{"without a filter", false, "7,137.50 paid over 429 conversions", `<td style="text-align:right">7,137.50</td>`},
		{"after a filter", true, "7,137.50 paid over 429 conversions", `<td style="text-align:right">7,137.50</td>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newRig(t)
			r.e.Stats = &affiseStats{body: `{"stats":[{"slice":{"affiliate":{"id":1,"title":"Blue Harbor Media"}},"traffic":{"raw":5964},` +
				`"actions":{"total":{"count":429,"revenue":9635.71,"charge":7137.5}}},` +
				`{"slice":{"affiliate":{"id":2,"title":"Quiet Partner"}},"traffic":{"raw":10},"actions":{"total":{"count":0,"revenue":0,"charge":0}}}]}`}
			steps := []core.Step{{ID: "s1", Kind: core.StepPullStats, Stats: &core.StatsConfig{ConnectionID: 1,
				StatType: "affise_admin.by_affiliate", DatePreset: "last_week", Mode: "dataset"}}}
			if tt.filter {
				steps = append(steps, core.Step{ID: "s2", Kind: core.StepFilter, Dataset: "data_table",
					Rules: []core.ConditionRule{{Left: "conversions", Op: core.OpGreater, Right: "0"}}})
			}
			steps = append(steps, core.Step{ID: "s9", Kind: core.StepSendEmail, Email: &core.EmailConfig{To: "team@example.com",
				Subject: "{total_payout} paid over {total_conversions} conversions", HTML: "{data_table}"}})
			run := runStats(t, r, core.Automation{Name: "Weekly", Steps: steps}, false)
			if run.Status != core.RunCompleted || len(r.mail.sent) != 1 {
				t.Fatalf("%s %s", run.Status, run.Error)
			}
			m := r.mail.sent[0]
			if m.Subject != tt.subject || !strings.Contains(m.HTML, tt.cell) {
				t.Errorf("email %q, want subject %q and %s in\n%s", m.Subject, tt.subject, tt.cell, m.HTML)
			}
		})
	}
}
