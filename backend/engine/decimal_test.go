package engine_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/engine"
	"github.com/affdesk/affdesk/backend/tracker"
)

// affiseStats answers Pull Stats with an Affise report body read by the
// real stat type, so rows reach the engine as the app would give them.
type affiseStats struct {
	body     string
	from, to time.Time
}

func (*affiseStats) Location(core.StatsConfig) (*time.Location, error) { return time.UTC, nil }
func (s *affiseStats) Pull(_ context.Context, cfg core.StatsConfig, from, to time.Time) (*core.Dataset, engine.Outcome, error) {
	s.from, s.to = from, to
	st, _ := tracker.LookupStatType(cfg.StatType)
	ds, err := st.Dataset([]byte(s.body))
	return ds, engine.Outcome{}, err
}

// affiseReport writes a report body with one affiliate per amount pair,
// the amounts spelled exactly as given.
func affiseReport(revenue, charge []string) string {
	rows := make([]string, len(revenue))
	for i := range revenue {
		rows[i] = fmt.Sprintf(`{"slice":{"affiliate":{"id":%d,"title":"Aff %d"}},"traffic":{"raw":1000},"actions":{"total":{"count":3,"revenue":%s,"charge":%s}}}`,
			i+1, i+1, revenue[i], charge[i])
	}
	return `{"stats":[` + strings.Join(rows, ",") + `]}`
}

// runStats runs a with the real stat types' numeric columns.
func runStats(t *testing.T, r *rig, a core.Automation, dry bool) core.Run {
	t.Helper()
	if err := a.Validate(tracker.NumericColumns); err != nil {
		t.Fatalf("validate: %v", err)
	}
	run, err := r.e.Prepare(a, engine.Options{DryRun: dry})
	if err != nil {
		t.Fatalf("prepare: %v", err)
	}
	return r.e.Execute(context.Background(), run)
}

func floatSum(xs []string) float64 {
	s := 0.0
	for _, x := range xs {
		f, _ := strconv.ParseFloat(x, 64)
		s += f
	}
	return s
}

// TestTotalsAreExact sums report columns as the weekly email does. The
// two weekly lists are the rows that summed in float64 to
// 2664.2700000000004 and 2498.209999999999; summed as decimals they are
// exactly 2664.27 and 2498.21, and the email shows them as money.
func TestTotalsAreExact(t *testing.T) {
	revenue := []string{"363.01", "70.03", "944.82", "788.78", "321.79", "175.84"}
	payout := []string{"363.51", "792.38", "675.30", "266.75", "137.74", "262.53"}
	tests := []struct {
		name                     string
		revenue, payout          []string
		floatRevenue             string // what float64 made of it
		revenueSet, payoutSet    string // the exact totals in the run record
		profitSet, subject, html string
	}{
		{"weekly report", revenue, payout, "2664.2700000000004", "2664.27", "2498.21", "166.06",
			"2,664.27 / 2,498.21 / 166.06 / 6", `<td style="text-align:right">675.30</td>`},
		{"tenths", []string{"0.1", "0.2"}, []string{"0", "0.30"}, "0.30000000000000004", "0.3", "0.3", "0",
			"0.30 / 0.30 / 0.00 / 2", `<td style="text-align:right">0.10</td>`},
		{"big", []string{"12345678901234567.89", "0.01"}, []string{"0", "0"}, "12345678901234568", "12345678901234567.9", "0", "12345678901234567.9",
			"12,345,678,901,234,567.90 / 0.00 / 12,345,678,901,234,567.90 / 2", `<td style="text-align:right">12,345,678,901,234,567.89</td>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := strconv.FormatFloat(floatSum(tt.revenue), 'f', -1, 64); got != tt.floatRevenue {
				t.Fatalf("the float64 sum is %s, want the noisy %s the case stands for", got, tt.floatRevenue)
			}
			r := newRig(t)
			r.e.Stats = &affiseStats{body: affiseReport(tt.revenue, tt.payout)}
			run := runStats(t, r, core.Automation{Name: "Weekly", Steps: []core.Step{
				{ID: "s1", Kind: core.StepPullStats, Stats: &core.StatsConfig{ConnectionID: 1, StatType: "affise_admin.by_affiliate", DatePreset: "last_week", Mode: "dataset"}},
				{ID: "s2", Kind: core.StepSendEmail, Email: &core.EmailConfig{To: "team@example.com",
					Subject: "{total_revenue} / {total_payout} / {total_profit} / {row_count}", HTML: "{data_table}"}},
			}}, false)
			if run.Status != core.RunCompleted || len(r.mail.sent) != 1 {
				t.Fatalf("%s %s", run.Status, run.Error)
			}
			set := run.Steps[0].Set
			if set["total_revenue"] != tt.revenueSet || set["total_payout"] != tt.payoutSet || set["total_profit"] != tt.profitSet {
				t.Errorf("totals %q %q %q, want %q %q %q", set["total_revenue"], set["total_payout"], set["total_profit"], tt.revenueSet, tt.payoutSet, tt.profitSet)
			}
			if m := r.mail.sent[0]; m.Subject != tt.subject || !strings.Contains(m.HTML, tt.html) {
				t.Errorf("email %q, want subject %q and %s in\n%s", m.Subject, tt.subject, tt.html, m.HTML)
			}
		})
	}
}

// TestEmailNumberFormat writes the same totals in each format Settings
// offer.
func TestEmailNumberFormat(t *testing.T) {
	tests := []struct {
		format core.NumberFormat
		want   string
	}{
		{core.FormatCommaDot, "12,345.60 from 1,234 rows"},
		{core.FormatDotComma, "12.345,60 from 1.234 rows"},
		{core.FormatSpaceComma, "12\u00a0345,60 from 1\u00a0234 rows"},
		{core.FormatPlain, "12345.60 from 1234 rows"},
	}
	revenue, payout := make([]string, 1234), make([]string, 1234)
	for i := range revenue {
		revenue[i], payout[i] = "10", "0"
	}
	revenue[0] = "15.6"
	for _, tt := range tests {
		r := newRig(t)
		r.e.Stats = &affiseStats{body: affiseReport(revenue, payout)}
		r.e.NumberFormat = func() core.NumberFormat { return tt.format }
		runStats(t, r, core.Automation{Name: "Weekly", Steps: []core.Step{
			{ID: "s1", Kind: core.StepPullStats, Stats: &core.StatsConfig{ConnectionID: 1, StatType: "affise_admin.by_affiliate", DatePreset: "last_week", Mode: "dataset"}},
			{ID: "s2", Kind: core.StepSendEmail, Email: &core.EmailConfig{To: "team@example.com", Subject: "{total_revenue} from {row_count} rows", HTML: "x"}},
		}}, false)
		if len(r.mail.sent) != 1 || r.mail.sent[0].Subject != tt.want {
			t.Errorf("%s: %+v, want %q", tt.format, r.mail.sent, tt.want)
		}
	}
}

// TestWeekOfNamesTheDataWeek runs the weekly preset's steps with the
// clock on a Friday: the subject names the Monday of last week, the
// first day the data covers, not the day the run started.
func TestWeekOfNamesTheDataWeek(t *testing.T) {
	var preset tracker.AutomationPreset
	for _, p := range tracker.AutomationPresets(core.PlatformAffiseAdmin) {
		if p.ID == "affise.weekly_stats_email" {
			preset = p
		}
	}
	tests := []struct {
		now  time.Time
		want string
	}{
		{fixed, "Affiliate stats, week of 2026-11-09: 2,664.27 revenue"},                                         // a Friday
		{time.Date(2026, 11, 16, 9, 0, 0, 0, time.UTC), "Affiliate stats, week of 2026-11-09: 2,664.27 revenue"}, // the Monday after
		{time.Date(2027, 1, 3, 9, 0, 0, 0, time.UTC), "Affiliate stats, week of 2026-12-21: 2,664.27 revenue"},   // a Sunday, across the year
	}
	for _, tt := range tests {
		r := newRig(t)
		r.e.Now = func() time.Time { return tt.now }
		r.e.Stats = &affiseStats{body: affiseReport([]string{"363.01", "70.03", "944.82", "788.78", "321.79", "175.84"}, []string{"1", "1", "1", "1", "1", "1"})}
		a := core.Automation{Name: preset.Name, Steps: preset.Steps}
		a.Steps[0].Stats.ConnectionID = 1
		run := runStats(t, r, a, false)
		if run.Status != core.RunCompleted || len(r.mail.sent) != 1 || r.mail.sent[0].Subject != tt.want {
			t.Errorf("at %s: %s %s, mails %+v; want %q", tt.now, run.Status, run.Error, r.mail.sent, tt.want)
		}
	}
}

// TestConditionsCompareDecimals compares picked values exactly: 19.90
// equals 19.9, and a difference past float64's reach still counts.
func TestConditionsCompareDecimals(t *testing.T) {
	body := `{"payout":19.90,"text":"19.90","small":0.3,"count":7}`
	tests := []struct {
		left, op, right string
		want            bool
	}{
		{"{payout_action_1}", core.OpEquals, "19.9", true},
		{"{payout_action_1}", core.OpEquals, "19.90", true},
		{"{text_action_1}", core.OpEquals, "19.9", true},
		{"{payout_action_1}", core.OpEquals, "{text_action_1}", true},
		{"{payout_action_1}", core.OpGreater, "19.899999999999999", true},
		{"{payout_action_1}", core.OpLess, "19.900000000000001", true},
		{"{payout_action_1}", core.OpNotEquals, "19.9", false},
		{"{small_action_1}", core.OpEquals, "0.30", true},
		{"{count_action_1}", core.OpGreater, "6.99", true},
		{"{count_action_1}", core.OpEquals, "7.000", true},
		{"12345678901234567.89", core.OpGreater, "12345678901234567.88", true},
		{"$1,204.10", core.OpEquals, "1204.1", true},
	}
	for _, tt := range tests {
		r := newRig(t)
		r.caller.bodies[1] = body
		run := runStats(t, r, core.Automation{Name: "Compare", Steps: []core.Step{
			{ID: "s1", Kind: core.StepActionGet, TemplateID: 1, Selections: []core.Selection{
				{Path: "$.payout", Variable: "payout_action_1"}, {Path: "$.text", Variable: "text_action_1"},
				{Path: "$.small", Variable: "small_action_1"}, {Path: "$.count", Variable: "count_action_1"}}},
			{ID: "s2", Kind: core.StepCondition, Rules: []core.ConditionRule{{Left: tt.left, Op: tt.op, Right: tt.right}}},
			{ID: "s3", Kind: core.StepSendEmail, Email: &core.EmailConfig{To: "a@b.c", Subject: "held", HTML: "x"}},
		}}, false)
		if got := len(r.mail.sent) == 1; got != tt.want {
			t.Errorf("%s %s %s: held %v, want %v (%s)", tt.left, tt.op, tt.right, got, tt.want, dump(run.Steps[1].Warnings))
		}
	}
}

// TestApprovalKeepsNumbersExact pauses a run holding exact totals and a
// picked payout; after approval the webhook body carries the same digits.
func TestApprovalKeepsNumbersExact(t *testing.T) {
	r := newRig(t)
	r.caller.bodies[1] = `{"payout":19.90}`
	r.e.Stats = &affiseStats{body: affiseReport([]string{"12345678901234567.89", "0.01"}, []string{"0.1", "0.2"})}
	a := core.Automation{Name: "Approve", Steps: []core.Step{
		{ID: "s1", Kind: core.StepPullStats, Stats: &core.StatsConfig{ConnectionID: 1, StatType: "affise_admin.by_affiliate", DatePreset: "last_week", Mode: "dataset"}},
		{ID: "s2", Kind: core.StepActionGet, TemplateID: 1, Selections: []core.Selection{{Path: "$.payout", Variable: "payout_action_1"}}},
		{ID: "s3", Kind: core.StepApproval, Message: "Send?"},
		{ID: "s4", Kind: core.StepSendWebhook, Webhook: &core.WebhookConfig{URL: "https://hooks.example/x", Method: "POST", BodyKind: "json",
			Body: `{"revenue":"{total_revenue}","payout":"{total_payout}","picked":"{payout_action_1}","rows":"{data_table}","n":"{row_count}"}`}},
	}}
	run := runStats(t, r, a, false)
	done, err := r.e.Approve(context.Background(), run.ID, true, "")
	if err != nil || done.Status != core.RunCompleted || len(r.hooks.sent) != 1 {
		t.Fatalf("approved: %v %s %s", err, done.Status, done.Error)
	}
	var got struct {
		Revenue, Payout, Picked, N json.Number
		Rows                       []map[string]any
	}
	dec := json.NewDecoder(strings.NewReader(string(r.hooks.sent[0].Body)))
	dec.UseNumber()
	if err := dec.Decode(&got); err != nil {
		t.Fatal(err)
	}
	if got.Revenue != "12345678901234567.9" || got.Payout != "0.3" || got.Picked != "19.9" || got.N != "2" || got.Rows[0]["revenue"] != json.Number("12345678901234567.89") {
		t.Errorf("after approval: %s", r.hooks.sent[0].Body)
	}
}
