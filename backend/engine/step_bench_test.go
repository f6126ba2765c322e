package engine_test

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/engine"
	"github.com/affdesk/affdesk/backend/store"
)

// instantCaller answers every call at once with a 200, as a tracker
// with no latency would.
type instantCaller struct{}

func (instantCaller) Call(_ context.Context, tpl core.ActionTemplate, values map[string]string, _ bool) (engine.Outcome, error) {
	rec := core.HTTPRecord{Kind: "request", Method: tpl.Method, URL: tpl.Path, Status: 200, Response: `{"ok":true}`}
	return engine.Outcome{Records: []core.HTTPRecord{rec}, Body: []byte(`{"ok":true}`)}, nil
}

// stepItems is how many loop items (one write step each) a run has.
const stepItems = 1000

func stepAutomation() core.Automation {
	return core.Automation{Name: "Steps", Steps: []core.Step{
		{ID: "s1", Kind: core.StepForEach, Name: "Each", Over: "{ids}", Concurrency: 1, Steps: []core.Step{
			{ID: "s2", Kind: core.StepActionEdit, Name: "Write", TemplateID: 2, Values: map[string]string{"id": "{item}", "run": "{run_id}"}}}}}}
}

// BenchmarkEngineStep measures the engine's own cost per step: a loop of
// 1,000 write steps whose caller answers at once, so what remains is
// the engine (values, results, events, outcomes). "bare" records the run
// in bbolt but journals nothing and stores no items; "journaled" adds
// the bbolt write journal and item records, with their fsyncs.
func BenchmarkEngineStep(b *testing.B) {
	ids := make([]any, stepItems)
	for i := range ids {
		ids[i] = strconv.Itoa(i + 1)
	}
	for _, journaled := range []bool{false, true} {
		name := map[bool]string{false: "bare", true: "journaled"}[journaled]
		b.Run(name, func(b *testing.B) {
			e := stepEngine(b, journaled)
			var took time.Duration
			for b.Loop() {
				run, err := e.Prepare(stepAutomation(), engine.Options{Vars: map[string]any{"ids": ids}})
				if err != nil {
					b.Fatal(err)
				}
				start := time.Now()
				out := e.Execute(context.Background(), run)
				took += time.Since(start)
				if out.Status != core.RunCompleted || out.Steps[0].Items.Succeeded != stepItems {
					b.Fatalf("run %s: %s", out.Status, out.Error)
				}
			}
			b.ReportMetric(took.Seconds()*1e6/float64(b.N)/stepItems, "µs/step")
		})
	}
}

func stepEngine(b *testing.B, journaled bool) *engine.Engine {
	db, err := store.Open(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	e := &engine.Engine{Runs: db, Connections: conns{}, Caller: instantCaller{}, Selector: pickSelector{},
		Templates: templates{2: {ID: 2, Name: "Write", Method: "PUT", Path: "/items/{id}"}}}
	if journaled {
		e.Journal, e.Items = db, db
	}
	return e
}
