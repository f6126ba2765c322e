package engine_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/engine"
)

// overlapCaller makes item X1 fail while item X2's write is on the wire:
// X1 fails once X2 has been written, and X2's answer comes only after the
// loop has recorded X1 (release). X2 reports a context cut off by then.
type overlapCaller struct {
	*fakeCaller
	written chan struct{} // X2's request is on the wire
	release chan struct{} // the loop has recorded X1's failure
}

func (c *overlapCaller) Call(ctx context.Context, tpl core.ActionTemplate, values map[string]string, dry bool) (engine.Outcome, error) {
	switch {
	case !tpl.IsWrite():
	case values["ActionId"] == "X1":
		<-c.written
		return engine.Outcome{}, core.Errorf(core.EINVALID, "HTTP 400: the tracker refused X1.")
	case values["ActionId"] == "X2":
		close(c.written)
		<-c.release
		if ctx.Err() != nil {
			return engine.Outcome{}, core.Errorf(core.EUNKNOWN, "The answer was cut off after the request was written.")
		}
	}
	return c.fakeCaller.Call(ctx, tpl, values, dry)
}

func TestLoopStopLetsRunningItemsFinish(t *testing.T) {
	r := newRig(t)
	a := loopOf(r, 2, 2, false)
	c := &overlapCaller{fakeCaller: r.caller, written: make(chan struct{}), release: make(chan struct{})}
	r.e.Caller = c
	var once sync.Once
	r.e.OnEvent = func(ev engine.Event) {
		if ev.StepID == "s2" && ev.Items != nil && ev.Items.Failed == 1 {
			once.Do(func() { close(c.release) })
		}
	}
	run := r.run(t, a, false)
	page, _ := r.db.ListItems(core.ItemFilter{RunID: run.ID, Step: "2"})
	if len(page.Items) != 2 || page.Items[0].Status != core.StepFailed || page.Items[1].Status != core.StepOK {
		t.Fatalf("items %s", dump(page.Items))
	}
	ws, _ := r.db.Writes(run.ID)
	outcomes := map[int]string{}
	for _, w := range ws {
		outcomes[w.Item] = w.Outcome
	}
	if outcomes[2] != core.OutcomeSent || len(r.caller.sent) != 1 || r.caller.sent[0] != "DELETE X2" {
		t.Fatalf("item 2's write: journal %v, sent %v", outcomes, r.caller.sent)
	}
	if c := *run.Steps[1].Items; c != (core.ItemCounts{Total: 2, Succeeded: 1, Failed: 1}) {
		t.Fatalf("counts %+v", c)
	}
	if run.Status != core.RunFailed {
		t.Errorf("run %s: %s", run.Status, run.Error)
	}
}

// refusingStats refuses the key on every pull and counts the pulls.
type refusingStats struct {
	mu    sync.Mutex
	pulls int
}

func (*refusingStats) Location(core.StatsConfig) (*time.Location, error) { return time.UTC, nil }
func (s *refusingStats) Pull(context.Context, core.StatsConfig, time.Time, time.Time) (*core.Dataset, engine.Outcome, error) {
	s.mu.Lock()
	s.pulls++
	s.mu.Unlock()
	return nil, engine.Outcome{}, core.Errorf(core.EUNAUTHORIZED, "HTTP 401.")
}

func TestRefusedKeyInPullStatsStopsTheLoop(t *testing.T) {
	r := newRig(t)
	stats := &refusingStats{}
	r.e.Stats = stats
	a := loopOf(r, 5, 1, true)
	a.Steps[1].Steps = []core.Step{{ID: "s3", Kind: core.StepPullStats,
		Stats: &core.StatsConfig{ConnectionID: 1, StatType: "t", DatePreset: "yesterday", Filters: map[string]string{"affiliate": "{item.Id}"}}}}
	a.Steps = a.Steps[:2]
	run := r.run(t, a, false)
	if stats.pulls != 1 {
		t.Fatalf("the tracker was asked %d times", stats.pulls)
	}
	loop := run.Steps[1]
	if c := *loop.Items; c != (core.ItemCounts{Total: 5, Failed: 1, Skipped: 4}) {
		t.Fatalf("counts %+v", c)
	}
	if loop.Status != core.StepFailed || !strings.Contains(loop.Error, "refused the key") {
		t.Fatalf("loop %s: %q", loop.Status, loop.Error)
	}
	page, _ := r.db.ListItems(core.ItemFilter{RunID: run.ID, Step: "2"})
	if first := page.Items[0].Steps[0].Error; !strings.Contains(first, "connection “Acme”") {
		t.Fatalf("the step does not name the connection: %q", first)
	}
	if !strings.Contains(page.Items[1].Error, "not tried: the tracker refused the key of connection “Acme”") {
		t.Fatalf("skipped item %s", dump(page.Items[1]))
	}
}
