package engine_test

import (
	"context"
	"strings"
	"testing"

	"github.com/affdesk/affdesk/backend/core"
)

// countingSelector counts how the engine asks for selections, and can
// fail at one path's index.
type countingSelector struct {
	pickSelector
	each, all int
	paths     []string
	failAt    int
}

func (c *countingSelector) Select(ctx context.Context, body []byte, path string) ([]any, error) {
	c.each++
	return c.pickSelector.Select(ctx, body, path)
}

func (c *countingSelector) SelectAll(ctx context.Context, body []byte, paths []string) ([][]any, int, error) {
	c.all++
	c.paths = append(c.paths, paths...)
	if c.failAt >= 0 {
		return nil, c.failAt, core.Errorf(core.EINVALID, "bad path")
	}
	return c.pickSelector.SelectAll(ctx, body, paths)
}

// TestStepSelectionsShareOneParse checks that a step's selections go to
// the selector in one SelectAll call, in order, and that a failure at
// any path fails the run with the selector's error.
func TestStepSelectionsShareOneParse(t *testing.T) {
	tests := []struct {
		failAt  int
		status  core.RunStatus
		errWord string
	}{
		{-1, core.RunCompleted, ""},
		{1, core.RunFailed, "bad path"},
	}
	for _, tt := range tests {
		r := newRig(t)
		sel := &countingSelector{failAt: tt.failAt}
		r.e.Selector = sel
		run := r.run(t, reverse(), false)
		if run.Status != tt.status || !strings.Contains(run.Error+dump(run.Steps), tt.errWord) {
			t.Errorf("failAt %d: status %s, error %q", tt.failAt, run.Status, run.Error)
		}
		if sel.all != 1 || sel.each != 0 || strings.Join(sel.paths, " ") != "$.Actions[?(@.State=='PENDING')] $.Actions[0].Id" {
			t.Errorf("failAt %d: SelectAll %d times, Select %d times, paths %v", tt.failAt, sel.all, sel.each, sel.paths)
		}
	}
}
