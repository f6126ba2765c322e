package engine_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/engine"
)

// loopOf returns the reverse preset over n pending items.
func loopOf(r *rig, n, concurrency int, continueOn bool) core.Automation {
	items := make([]string, n)
	for i := range items {
		items[i] = fmt.Sprintf(`{"Id":"X%d","PromoCode":"TEST","State":"PENDING"}`, i+1)
	}
	r.caller.bodies[1] = `{"Actions":[` + strings.Join(items, ",") + `]}`
	a := reverse()
	a.Steps[1].Concurrency, a.Steps[1].ContinueOnError = concurrency, continueOn
	return a
}

func TestCompletedWithErrors(t *testing.T) {
	tests := []struct {
		name   string
		failOn string
		code   string
		want   core.RunStatus
	}{
		{"all good", "", "", core.RunCompleted},
		{"an item failed, loop went on", "X2", core.EINVALID, core.RunCompletedErrors},
		{"an item's outcome is unknown, loop went on", "X2", core.EUNKNOWN, core.RunCompletedErrors},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newRig(t)
			a := loopOf(r, 3, 1, true)
			r.caller.failIf = func(v map[string]string) error {
				if tt.failOn != "" && v["ActionId"] == tt.failOn {
					return core.Errorf(tt.code, "no answer for %s", tt.failOn)
				}
				return nil
			}
			run := r.run(t, a, false)
			if run.Status != tt.want {
				t.Fatalf("status %s (%s), want %s", run.Status, run.Error, tt.want)
			}
			if tt.want == core.RunCompletedErrors && !strings.Contains(run.Error, "Completed with errors") {
				t.Errorf("error %q", run.Error)
			}
			if stored, _ := r.db.GetRun(run.ID); stored.Status != tt.want {
				t.Errorf("stored %s", stored.Status)
			}
		})
	}
}

// TestConditionDoesNotHideErrors proves a run stopped by a condition after
// a loop item failed (continue on error) still ends Completed with errors,
// and one with no failure before the condition ends Stopped.
func TestConditionDoesNotHideErrors(t *testing.T) {
	for _, failOn := range []string{"", "X2"} {
		r := newRig(t)
		a := loopOf(r, 3, 1, true)
		a.Steps = append(a.Steps, core.Step{ID: "s9", Kind: core.StepCondition, Match: "all",
			Rules: []core.ConditionRule{{Left: "1", Op: core.OpGreater, Right: "2"}}})
		r.caller.failIf = func(v map[string]string) error {
			if failOn != "" && v["ActionId"] == failOn {
				return core.Errorf(core.EINVALID, "refused %s", failOn)
			}
			return nil
		}
		run := r.run(t, a, false)
		want := core.RunStopped
		if failOn != "" {
			want = core.RunCompletedErrors
		}
		if run.Status != want || !strings.Contains(run.Error, "Stopped by the condition") {
			t.Errorf("fail on %q: %s %q, want %s", failOn, run.Status, run.Error, want)
		}
		if failOn != "" && !strings.Contains(run.Error, "1 step or item failed") {
			t.Errorf("the error does not count the failure: %q", run.Error)
		}
	}
}

func TestUnknownOutcomeIsItsOwnStatus(t *testing.T) {
	for _, continueOn := range []bool{true, false} {
		t.Run(fmt.Sprint("continue ", continueOn), func(t *testing.T) {
			r := newRig(t)
			a := loopOf(r, 6, 1, continueOn)
			r.caller.failIf = func(v map[string]string) error {
				if v["ActionId"] == "X3" {
					return core.Errorf(core.EUNKNOWN, "The tracker did not answer in time.")
				}
				return nil
			}
			run := r.run(t, a, false)
			c := *run.Steps[1].Items
			if c.Total != 6 || c.Succeeded+c.Failed+c.Skipped+c.Unknown != c.Total || c.Unknown != 1 || c.Failed != 0 {
				t.Fatalf("counts %+v", c)
			}
			if r.caller.tries != c.Succeeded+c.Unknown {
				t.Fatalf("the unknown write was resent: %d tries for %+v", r.caller.tries, c)
			}
			page, _ := r.db.ListItems(core.ItemFilter{RunID: run.ID, Step: "2", Status: core.StepUnknown})
			if page.Total != 1 || page.Items[0].Index != 3 || page.Items[0].Steps[1].Status != core.StepUnknown ||
				!strings.Contains(page.Items[0].Error, "Check in the tracker") {
				t.Fatalf("unknown item %s", dump(page))
			}
			if continueOn && (run.Status != core.RunCompletedErrors || c.Succeeded != 5) {
				t.Fatalf("continue: %s %+v", run.Status, c)
			}
			if !continueOn && (run.Status != core.RunFailed || c.Skipped != 3 || c.Succeeded != 2) {
				t.Fatalf("stop: %s %+v %s", run.Status, c, run.Error)
			}
			ws, _ := r.db.Writes(run.ID)
			unknown, requests := 0, 0
			for _, w := range ws {
				if w.Outcome == core.OutcomeUnknown {
					unknown++
				}
				if w.Kind == "request" {
					requests++
				}
			}
			if requests != r.caller.tries || unknown != 1 {
				t.Fatalf("journal %s", dump(ws))
			}
		})
	}
}

func TestRefusedKeyStopsTheLoopAtOnce(t *testing.T) {
	for _, conc := range []int{1, 8} {
		t.Run(fmt.Sprint("concurrency ", conc), func(t *testing.T) {
			r := newRig(t)
			a := loopOf(r, 40, conc, true)
			r.caller.failIf = func(v map[string]string) error {
				if v["ActionId"] == "" {
					return nil
				}
				return core.Errorf(core.EUNAUTHORIZED, "HTTP 401.")
			}
			run := r.run(t, a, false)
			if r.caller.tries > conc {
				t.Fatalf("the tracker was asked %d times with concurrency %d", r.caller.tries, conc)
			}
			loop := run.Steps[1]
			c := *loop.Items
			if c.Total != 40 || c.Failed != r.caller.tries || c.Skipped != 40-r.caller.tries {
				t.Fatalf("counts %+v after %d tries", c, r.caller.tries)
			}
			if loop.Status != core.StepFailed || !strings.Contains(loop.Error, "refused the key") || !strings.Contains(loop.Error, "Acme") {
				t.Fatalf("loop error %q", loop.Error)
			}
			page, _ := r.db.ListItems(core.ItemFilter{RunID: run.ID, Step: "2", Status: core.StepSkipped, Limit: 100})
			if page.Total != c.Skipped || !strings.Contains(page.Items[0].Error, "not tried: the tracker refused the key of connection “Acme”") {
				t.Fatalf("skipped %s", dump(page.Items[:1]))
			}
			if run.Status != core.RunCompletedErrors {
				t.Errorf("run %s: %s", run.Status, run.Error)
			}
		})
	}
}

func TestJournalHoldsEveryWrite(t *testing.T) {
	for _, dry := range []bool{false, true} {
		t.Run(fmt.Sprint("dry ", dry), func(t *testing.T) {
			r := newRig(t)
			a := reverse()
			a.Steps = append(a.Steps, core.Step{ID: "s6", Kind: core.StepSendWebhook, Webhook: &core.WebhookConfig{URL: "https://hooks.example/x", Method: "POST"}})
			run := r.run(t, a, dry)
			ws, err := r.db.Writes(run.ID)
			if err != nil || len(ws) != 4 {
				t.Fatalf("journal %v %s", err, dump(ws))
			}
			previews := map[int]string{}
			page, _ := r.db.ListItems(core.ItemFilter{RunID: run.ID, Step: "2", Limit: 10})
			for _, it := range page.Items {
				previews[it.Index] = it.Item
			}
			want := core.OutcomeSent
			if dry {
				want = core.OutcomeNotSent
			}
			kinds := ""
			for _, w := range ws {
				kinds += w.Kind + fmt.Sprint(w.Item) + " "
				if w.Outcome != want || w.Seq == 0 || w.RunID != run.ID {
					t.Errorf("write %s", dump(w))
				}
				if want := previews[w.Item]; w.ItemLabel != want || (w.Item != 0 && want == "") {
					t.Errorf("write of item %d names it %q, want its preview %q", w.Item, w.ItemLabel, want)
				}
			}
			if kinds != "request1 request3 email0 webhook0 " && kinds != "request3 request1 email0 webhook0 " {
				t.Errorf("writes %s", kinds)
			}
			stored, _ := r.db.GetRun(run.ID)
			if stored.Writes == nil || stored.Writes.Sent+stored.Writes.NotSent != 4 {
				t.Errorf("summary %+v", stored.Writes)
			}
		})
	}
}

func TestEveryItemIsKeptCompact(t *testing.T) {
	r := newRig(t)
	a := loopOf(r, 1200, 8, true)
	big := strings.Repeat("é", 5000)
	r.caller.failIf = func(v map[string]string) error {
		if v["ActionId"] == "X700" {
			return core.Errorf(core.EINVALID, "refused")
		}
		return nil
	}
	a.Steps[1].Steps[1].Selections = nil
	r.caller.bodies[2] = big
	run := r.run(t, a, false)
	if c := *run.Steps[1].Items; c.Total != 1200 || c.Succeeded != 1199 || c.Failed != 1 {
		t.Fatalf("counts %+v", c)
	}
	all, _ := r.db.ListItems(core.ItemFilter{RunID: run.ID, Step: "2", Offset: 1150, Limit: 100})
	if all.Total != 1200 || len(all.Items) != 50 || all.Items[0].Index != 1151 {
		t.Fatalf("page: total %d, %d items, first %d", all.Total, len(all.Items), all.Items[0].Index)
	}
	failed, _ := r.db.ListItems(core.ItemFilter{RunID: run.ID, Step: "2", Status: core.StepFailed})
	if failed.Total != 1 || failed.Items[0].Index != 700 {
		t.Fatalf("failed %s", dump(failed))
	}
	stored, _ := r.db.GetRun(run.ID)
	if len(stored.Steps[1].Iterations) != core.DefaultItemPage || stored.Steps[1].Iterations[0].Index != 1 {
		t.Fatalf("first page %d", len(stored.Steps[1].Iterations))
	}
	first := stored.Steps[1].Iterations[0].Steps[1].Requests[0]
	if len(first.Response) > engine.MaxKeptBody || !first.Truncated || !strings.HasPrefix(first.Response, `{"Status":"QUEUED"}é`) {
		t.Errorf("a sampled body is kept, cut: %d bytes, truncated %v", len(first.Response), first.Truncated)
	}
	if later := all.Items[0].Steps[1].Requests[0]; later.Response != "" {
		t.Errorf("item 1151 kept its body (%d bytes)", len(later.Response))
	}
}

// warningCaller adds a warning to every call, as the request layer does
// for a key sent over plain http://.
type warningCaller struct {
	engine.Caller
	warn string
}

func (w warningCaller) Call(ctx context.Context, tpl core.ActionTemplate, values map[string]string, dry bool) (engine.Outcome, error) {
	out, err := w.Caller.Call(ctx, tpl, values, dry)
	out.Warnings = append(out.Warnings, w.warn)
	return out, err
}

// TestCallWarningsReachTheRunLog proves a call's warnings show on its step
// in the run's record, in every run.
func TestCallWarningsReachTheRunLog(t *testing.T) {
	r := newRig(t)
	const warn = `Connection "Plain" sends its key unencrypted over http://.`
	r.e.Caller = warningCaller{Caller: r.caller, warn: warn}
	run := r.run(t, reverse(), false)
	stored, _ := r.db.GetRun(run.ID)
	if len(stored.Steps) == 0 || !slices.Contains(stored.Steps[0].Warnings, warn) {
		t.Fatalf("step 1 warnings %+v", stored.Steps)
	}
}
