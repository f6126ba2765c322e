package engine_test

import (
	"context"
	"sync/atomic"
	"testing"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/engine"
)

// countedTemplates counts the reads of its templates.
type countedTemplates struct {
	templates
	reads atomic.Int64
}

func (c *countedTemplates) GetTemplate(id uint64) (core.ActionTemplate, error) {
	c.reads.Add(1)
	return c.templates.GetTemplate(id)
}

// TestATemplateIsReadOncePerRun runs a loop of 50 writes twice, editing
// the template between the runs: each run reads it once, and the second
// run sends what the edit says.
func TestATemplateIsReadOncePerRun(t *testing.T) {
	r := newRig(t)
	tpls := &countedTemplates{templates: templates{2: {ID: 2, Name: "Write", Method: "PUT", Path: "/v1/items"}}}
	r.e.Templates, r.e.Caller = tpls, instantCaller{}
	ids := make([]any, 50)
	for i := range ids {
		ids[i] = float64(i)
	}
	for i, path := range []string{"/v1/items", "/v2/items"} {
		tpls.templates[2] = core.ActionTemplate{ID: 2, Name: "Write", Method: "PUT", Path: path}
		run, err := r.e.Prepare(stepAutomation(), engine.Options{Vars: map[string]any{"ids": ids}})
		if err != nil {
			t.Fatal(err)
		}
		out := r.e.Execute(context.Background(), run)
		if out.Status != core.RunCompleted {
			t.Fatalf("run %d: %s %s", i+1, out.Status, out.Error)
		}
		if got := tpls.reads.Load(); got != int64(i+1) {
			t.Fatalf("after run %d the template was read %d times, want %d", i+1, got, i+1)
		}
		writes, _ := r.db.Writes(run.ID)
		if len(writes) != 50 || writes[49].URL != path {
			t.Fatalf("run %d journaled %d writes, last to %+v, want 50 to %s", i+1, len(writes), writes[len(writes)-1].URL, path)
		}
	}
}
