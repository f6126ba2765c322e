package engine_test

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/engine"
)

// reverse is the preset's shape: list pending actions, reverse each with a
// test promo code, mail a summary.
func reverse() core.Automation {
	return core.Automation{ID: 7, Name: "Reverse <test> actions", Steps: []core.Step{
		{ID: "s1", Kind: core.StepActionGet, TemplateID: 1, Values: map[string]string{"State": "PENDING"},
			Selections: []core.Selection{{Path: "$.Actions[?(@.State=='PENDING')]", Variable: "pending"}, {Path: "$.Actions[0].Id", Variable: "Id_action_1"}}},
		{ID: "s2", Kind: core.StepForEach, Over: "pending", Steps: []core.Step{
			{ID: "s3", Kind: core.StepCondition, Rules: []core.ConditionRule{{Left: "{item.PromoCode}", Op: core.OpEquals, Right: "TEST"}, {Left: "{item.PromoCode}", Op: core.OpEquals, Right: "FRAUD"}}, Match: "any"},
			{ID: "s4", Kind: core.StepActionEdit, TemplateID: 2, Values: map[string]string{"ActionId": "{item.Id}", "DispositionCode": "CONS_FRAUD"}},
		}},
		{ID: "s5", Kind: core.StepSendEmail, Email: &core.EmailConfig{To: "ops@example.com", Subject: "Reversed {items_succeeded}, skipped {items_skipped} on {run_date}",
			HTML: "<p>First was {Id_action_1} in {automation_name} & co</p>"}},
	}}
}

func TestVariablesFlowThroughSteps(t *testing.T) {
	r := newRig(t)
	run := r.run(t, reverse(), false)
	if run.Status != core.RunCompleted {
		t.Fatalf("status %s: %s\n%s", run.Status, run.Error, dump(run.Steps))
	}
	sort.Strings(r.caller.sent)
	if fmt.Sprint(r.caller.sent) != "[DELETE A1 DELETE A4]" {
		t.Fatalf("writes sent %v", r.caller.sent)
	}
	loop := run.Steps[1]
	if *loop.Items != (core.ItemCounts{Total: 3, Succeeded: 2, Failed: 0, Skipped: 1}) {
		t.Fatalf("counts %+v", *loop.Items)
	}
	if len(r.mail.sent) != 1 || r.mail.sent[0].Subject != "Reversed 2, skipped 1 on 2026-11-20" || r.mail.sent[0].HTML != "<p>First was A1 in Reverse &lt;test&gt; actions & co</p>" {
		t.Fatalf("mail %+v", r.mail.sent)
	}
	stored, _ := r.db.GetRun(run.ID)
	if stored.Status != core.RunCompleted || stored.Variables["items_succeeded"] != "2" || len(stored.Steps) != 3 || stored.Steps[1].Iterations[1].Status != core.StepSkipped ||
		stored.Steps[1].Iterations[0].Item != "Id A1" {
		t.Fatalf("stored run %s", dump(stored))
	}
}

func TestDryRunSendsNothingThatWrites(t *testing.T) {
	r := newRig(t)
	a := reverse()
	a.Steps = append(a.Steps, core.Step{ID: "s6", Kind: core.StepSendWebhook, Webhook: &core.WebhookConfig{URL: "https://hooks.example/x", Method: "POST", BodyKind: "json", Body: `{"n":"{items_succeeded}"}`}})
	run := r.run(t, a, true)
	if run.Status != core.RunCompleted || !run.DryRun {
		t.Fatalf("status %s: %s", run.Status, run.Error)
	}
	if len(r.caller.sent) != 0 || len(r.mail.sent) != 0 || len(r.hooks.sent) != 0 || r.caller.dry != 2 {
		t.Fatalf("sent writes %v, mails %d, hooks %d, held back %d", r.caller.sent, len(r.mail.sent), len(r.hooks.sent), r.caller.dry)
	}
	stored, _ := r.db.GetRun(run.ID)
	var held []string
	for _, it := range stored.Steps[1].Iterations {
		for _, s := range it.Steps {
			for _, q := range s.Requests {
				if q.NotSent {
					held = append(held, q.Method+" "+q.Body)
				}
			}
		}
	}
	if len(held) != 2 || !strings.Contains(held[0], "ActionId:A1") {
		t.Fatalf("the log must show each write that would go: %v", held)
	}
	if !run.Steps[2].Requests[0].NotSent || !run.Steps[3].Requests[0].NotSent || !strings.Contains(run.Steps[3].Requests[0].Body, `"n":2`) {
		t.Fatalf("mail and webhook records %s", dump(run.Steps[2:]))
	}
}

func TestLoopCountsAreExactWithFailures(t *testing.T) {
	items := make([]string, 40)
	for i := range items {
		items[i] = fmt.Sprintf(`{"Id":"X%d","PromoCode":"TEST","State":"PENDING"}`, i+1)
	}
	failing := map[string]bool{"X3": true, "X7": true, "X11": true, "X30": true}
	tests := []struct {
		name        string
		concurrency int
		continueOn  bool
	}{
		{"serial, continue", 1, true}, {"parallel 8, continue", 8, true}, {"serial, stop", 1, false}, {"parallel 16, stop", 16, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newRig(t)
			r.caller.bodies[1] = `{"Actions":[` + strings.Join(items, ",") + `]}`
			r.caller.failIf = func(v map[string]string) error {
				if failing[v["ActionId"]] {
					return core.Errorf(core.EINVALID, "tracker refused %s", v["ActionId"])
				}
				return nil
			}
			a := reverse()
			a.Steps[1].Concurrency, a.Steps[1].ContinueOnError = tt.concurrency, tt.continueOn
			run := r.run(t, a, false)
			c := *run.Steps[1].Items
			if c.Total != 40 || c.Succeeded+c.Failed+c.Skipped != 40 || c.Succeeded != len(r.caller.sent) {
				t.Fatalf("counts %+v with %d writes sent", c, len(r.caller.sent))
			}
			if tt.continueOn && (c.Failed != 4 || c.Succeeded != 36 || run.Status != core.RunCompletedErrors) {
				t.Fatalf("continue: %+v, %s", c, run.Status)
			}
			if !tt.continueOn && (c.Failed < 1 || run.Status != core.RunFailed || !strings.Contains(run.Error, "items failed")) {
				t.Fatalf("stop: %+v, %s %s", c, run.Status, run.Error)
			}
			if r.caller.maxRun > max(1, tt.concurrency) {
				t.Errorf("%d calls at once, limit %d", r.caller.maxRun, tt.concurrency)
			}
		})
	}
}

func TestConditionStopsTheRunWithoutError(t *testing.T) {
	r := newRig(t)
	a := core.Automation{Name: "Guard", Steps: []core.Step{
		{ID: "s1", Kind: core.StepActionGet, TemplateID: 1, Selections: []core.Selection{{Path: "$.Actions[1].Payout", Variable: "payout"}}},
		{ID: "s2", Kind: core.StepCondition, Rules: []core.ConditionRule{{Left: "{payout}", Op: core.OpGreater, Right: "100"}}},
		{ID: "s3", Kind: core.StepActionEdit, TemplateID: 2, Values: map[string]string{"ActionId": "x"}},
	}}
	run := r.run(t, a, false)
	if run.Status != core.RunStopped || len(run.Steps) != 2 || run.Steps[1].Status != core.StepHalted || len(r.caller.sent) != 0 {
		t.Fatalf("%s %q %s", run.Status, run.Error, dump(run.Steps))
	}
	if !strings.Contains(run.Steps[1].Warnings[0], `"20.00" is not greater than "100"`) {
		t.Errorf("explanation %v", run.Steps[1].Warnings)
	}
}

func TestStepFailureStopsUnlessContinue(t *testing.T) {
	r := newRig(t)
	r.caller.failIf = func(map[string]string) error {
		return core.Errorf(core.EUNAUTHORIZED, "Acme refused the credentials (HTTP 401).")
	}
	a := core.Automation{Name: "F", Steps: []core.Step{
		{ID: "s1", Kind: core.StepActionGet, TemplateID: 1},
		{ID: "s2", Kind: core.StepSendEmail, Email: &core.EmailConfig{To: "a@b.c", Subject: "x"}},
	}}
	run := r.run(t, a, false)
	if run.Status != core.RunFailed || !strings.Contains(run.Error, "Step 1 “action get” failed: The tracker refused the key of connection “Acme”: Acme refused the credentials") || len(r.mail.sent) != 0 {
		t.Fatalf("%s: %s", run.Status, run.Error)
	}
	a.Steps[0].ContinueOnError = true
	run = r.run(t, a, false)
	if run.Status != core.RunCompletedErrors || run.Steps[0].Status != core.StepFailed || len(r.mail.sent) != 1 {
		t.Fatalf("continue on error: %s %s", run.Status, dump(run.Steps))
	}
}

func TestCancelEndsTheRun(t *testing.T) {
	r := newRig(t)
	r.caller.block = true
	run, err := r.e.Prepare(reverse(), engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan core.Run)
	go func() { done <- r.e.Execute(context.Background(), run) }()
	deadline := time.Now().Add(5 * time.Second)
	for !r.e.Cancel(run.ID) {
		if time.Now().After(deadline) {
			t.Fatal("the run never became cancellable")
		}
		time.Sleep(time.Millisecond)
	}
	got := <-done
	if got.Status != core.RunCancelled || got.Steps[0].Error != "Cancelled." {
		t.Fatalf("%s %s", got.Status, dump(got.Steps))
	}
	if stored, _ := r.db.GetRun(run.ID); stored.Status != core.RunCancelled {
		t.Errorf("stored %s", stored.Status)
	}
}

func TestApprovalPausesAndResumes(t *testing.T) {
	r := newRig(t)
	a := core.Automation{Name: "Approve", Steps: []core.Step{
		{ID: "s1", Kind: core.StepPullStats, Stats: &core.StatsConfig{ConnectionID: 1, StatType: "t", DatePreset: "yesterday", Mode: "dataset"}},
		{ID: "s2", Kind: core.StepApproval, Message: "Reverse {row_count} rows?"},
		{ID: "s3", Kind: core.StepSendEmail, Email: &core.EmailConfig{To: "a@b.c", Subject: "{row_count} rows, {approval_reason}", HTML: "{data_table}"}},
	}}
	r.e.Stats = fakeStats{}
	run := r.run(t, a, false)
	if run.Status != core.RunWaiting || run.Waiting.Message != "Reverse 2 rows?" || run.Waiting.Next[0] != "3. send email" || len(r.mail.sent) != 0 {
		t.Fatalf("waiting: %s %+v", run.Status, run.Waiting)
	}
	if _, err := r.e.Approve(context.Background(), 999, true, ""); core.ErrorCode(err) != core.ENOTFOUND {
		t.Errorf("unknown run: %v", err)
	}
	done, err := r.e.Approve(context.Background(), run.ID, true, "looks right")
	if err != nil || done.Status != core.RunCompleted || len(r.mail.sent) != 1 {
		t.Fatalf("approved: %v %s %s", err, done.Status, done.Error)
	}
	if m := r.mail.sent[0]; m.Subject != "2 rows, looks right" || !strings.Contains(m.HTML, "<td>Blue Harbor</td>") {
		t.Fatalf("the dataset did not survive the wait: %+v", m)
	}
	if _, err := r.e.Approve(context.Background(), run.ID, true, ""); core.ErrorCode(err) != core.ECONFLICT {
		t.Errorf("approving twice: %v", err)
	}
	again := r.run(t, a, false)
	rejected, _ := r.e.Approve(context.Background(), again.ID, false, "numbers look off")
	if rejected.Status != core.RunCancelled || !strings.Contains(rejected.Error, "numbers look off") || len(r.mail.sent) != 1 {
		t.Fatalf("rejected: %s %s", rejected.Status, rejected.Error)
	}
}

type fakeStats struct{}

func (fakeStats) Location(core.StatsConfig) (*time.Location, error) { return time.UTC, nil }
func (fakeStats) Pull(_ context.Context, cfg core.StatsConfig, from, to time.Time) (*core.Dataset, engine.Outcome, error) {
	if f, ok := cfg.Filters["partner"]; ok && f != "Reverse <test> actions" {
		return nil, engine.Outcome{}, errors.New("filter not substituted: " + f)
	}
	if from.Format("2006-01-02") != "2026-11-19" || to.Format("15:04:05") != "23:59:59" {
		return nil, engine.Outcome{}, errors.New("wrong range " + core.DescribeRange(from, to))
	}
	return &core.Dataset{Columns: []string{"affiliate_id", "affiliate", "revenue"}, Numeric: []string{"revenue"}, Key: "affiliate_id",
		Rows: []map[string]any{{"affiliate_id": "2", "affiliate": "Cobalt", "revenue": 12.5}, {"affiliate_id": "1", "affiliate": "Blue Harbor", "revenue": 100.25}}}, engine.Outcome{}, nil
}

func TestStatsCellsFilterAndTotals(t *testing.T) {
	r := newRig(t)
	r.e.Stats = fakeStats{}
	a := core.Automation{Name: "Reverse <test> actions", Steps: []core.Step{
		{ID: "s1", Kind: core.StepPullStats, Stats: &core.StatsConfig{ConnectionID: 1, StatType: "t", DatePreset: "yesterday", Mode: "dataset",
			Filters: map[string]string{"partner": "{automation_name}"},
			Cells:   []core.StatsCell{{Column: "revenue", RowKey: "1", Row: 2, Variable: "revenue_2_stats_1"}}}},
		{ID: "s2", Kind: core.StepFilter, Dataset: "data_table", Rules: []core.ConditionRule{{Left: "revenue", Op: core.OpGreater, Right: "50"}}},
		{ID: "s3", Kind: core.StepSendWebhook, Webhook: &core.WebhookConfig{URL: "https://hooks.example/{run_id}", Method: "POST", BodyKind: "json",
			Body: `{"cell":"{revenue_2_stats_1}","rows":"{row_count}","total":"{total_revenue}","note":"q\"{data_table_stats_1}"}`}},
	}}
	run := r.run(t, a, false)
	if run.Status != core.RunCompleted {
		t.Fatalf("%s %s", run.Status, run.Error)
	}
	body := string(r.hooks.sent[0].Body)
	for _, want := range []string{`"cell":100.25`, `"rows":1`, `"total":100.25`, `"note":"q\"\u003ctable`} {
		if !strings.Contains(body, want) {
			t.Errorf("webhook body lacks %s: %s", want, body)
		}
	}
	if run.Steps[1].Rows != 1 || run.Steps[0].Values["dates"] != "2026-11-19 to 2026-11-19 (UTC)" {
		t.Errorf("steps %s", dump(run.Steps[:2]))
	}
}

func TestSetupProblemsBlockARun(t *testing.T) {
	r := newRig(t)
	a := core.Automation{Name: "x", Steps: []core.Step{{ID: "s1", Kind: core.StepSendEmail}, {ID: "s2", Kind: core.StepActionGet}}}
	if _, err := r.e.Prepare(a, engine.Options{}); core.ErrorCode(err) != core.EINVALID || !strings.Contains(err.Error(), "Step 1 needs setup") {
		t.Fatalf("prepare: %v", err)
	}
	if runs, _ := r.db.ListRuns(core.RunFilter{}); len(runs) != 0 {
		t.Error("a run was recorded")
	}
}

func TestProgressEvents(t *testing.T) {
	r := newRig(t)
	run := r.run(t, reverse(), false)
	var loopDone, finished bool
	for _, ev := range r.events {
		loopDone = loopDone || (ev.Step == "2" && ev.Done == 3 && ev.Total == 3)
		finished = finished || (ev.Finished && ev.Status == core.RunCompleted && ev.RunID == run.ID)
	}
	if !loopDone || !finished {
		t.Fatalf("events %s", dump(r.events))
	}
}

// TestConditionThatHoldsSaysWhy: a Check Condition that lets the run go
// on names what it found, as one that stops it does.
func TestConditionThatHoldsSaysWhy(t *testing.T) {
	cases := []struct {
		name  string
		match string
		rules []core.ConditionRule
		want  string
	}{
		{"all held", "all", []core.ConditionRule{{Left: "{payout}", Op: core.OpGreater, Right: "10"}, {Left: "{payout}", Op: core.OpNotEmpty}},
			`Condition met: "20.00" is greater than "10"; "20.00" is not empty.`},
		{"any: only the one that held", "any", []core.ConditionRule{{Left: "{payout}", Op: core.OpLess, Right: "5"}, {Left: "{payout}", Op: core.OpEquals, Right: "20.00"}},
			`Condition met: "20.00" equals "20.00".`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := newRig(t)
			a := core.Automation{Name: "Guard", Steps: []core.Step{
				{ID: "s1", Kind: core.StepActionGet, TemplateID: 1, Selections: []core.Selection{{Path: "$.Actions[1].Payout", Variable: "payout"}}},
				{ID: "s2", Kind: core.StepCondition, Match: c.match, Rules: c.rules},
			}}
			run := r.run(t, a, false)
			if run.Status != core.RunCompleted || len(run.Steps) != 2 {
				t.Fatalf("%s %s", run.Status, dump(run.Steps))
			}
			if got := run.Steps[1].Detail; got != c.want {
				t.Errorf("detail %q, want %q", got, c.want)
			}
			if len(run.Steps[1].Warnings) != 0 {
				t.Errorf("a condition that held warns: %v", run.Steps[1].Warnings)
			}
		})
	}
}
