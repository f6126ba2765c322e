package engine

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/affdesk/affdesk/backend/core"
)

// forEach runs the nested steps once per item of a list or dataset, up to
// Concurrency items at once. Each item ends succeeded, failed or skipped
// (a condition in it did not hold, or it never started because the loop
// stopped at a failure), so the three counts always add up to the total.
func (r *runner) forEach(ctx context.Context, s core.Step, v vars, label string, res *core.StepResult) error {
	items, err := loopItems(v, s.Over)
	if err != nil {
		return err
	}
	counts := &core.ItemCounts{Total: len(items)}
	res.Items = counts
	iters := make([]core.Iteration, len(items))
	loopCtx, stop := context.WithCancel(ctx)
	defer stop()
	var mu sync.Mutex
	done := 0
	sem := make(chan struct{}, max(1, s.Concurrency))
	var wg sync.WaitGroup
	for i, item := range items {
		iters[i] = core.Iteration{Index: i + 1, Item: itemLabel(item), Status: core.StepSkipped}
		select {
		case <-loopCtx.Done():
			continue
		case sem <- struct{}{}:
		}
		if loopCtx.Err() != nil {
			<-sem
			continue
		}
		wg.Add(1)
		go func(i int, item any) {
			defer wg.Done()
			defer func() { <-sem }()
			it := r.iteration(loopCtx, s, v, label, i, item)
			mu.Lock()
			iters[i] = it
			done++
			if it.Status == core.StepFailed && !s.ContinueOnError {
				stop()
			}
			r.e.emit(Event{RunID: r.run.ID, Status: core.RunRunning, StepID: s.ID, Step: label, Done: done, Total: len(items),
				Message: fmt.Sprintf("Step %s: %d of %d items", label, done, len(items))})
			mu.Unlock()
		}(i, item)
	}
	wg.Wait()
	return r.endLoop(ctx, s, v, res, iters, counts)
}

// iteration runs the loop's steps for one item, with its own copy of the
// variables: {item}, its fields {item.x}, and {item_index}.
func (r *runner) iteration(ctx context.Context, s core.Step, v vars, label string, i int, item any) core.Iteration {
	iv := v.clone()
	iv[s.ItemVar()], iv[s.ItemVar()+"_index"] = item, float64(i+1)
	it := core.Iteration{Index: i + 1, Item: itemLabel(item), Status: core.StepOK}
	for j, child := range s.Steps {
		cres, f := r.step(ctx, child, iv, fmt.Sprintf("%s.%d", label, j+1))
		it.Steps = append(it.Steps, cres)
		switch f {
		case flowFailed:
			it.Status, it.Error = core.StepFailed, cres.Error
			return it
		case flowStopped:
			it.Status = core.StepSkipped
			return it
		}
	}
	return it
}

func (r *runner) endLoop(ctx context.Context, s core.Step, v vars, res *core.StepResult, iters []core.Iteration, c *core.ItemCounts) error {
	var firstErr string
	for _, it := range iters {
		switch it.Status {
		case core.StepOK:
			c.Succeeded++
		case core.StepFailed:
			c.Failed++
			if firstErr == "" {
				firstErr = fmt.Sprintf("item %d: %s", it.Index, it.Error)
			}
		default:
			c.Skipped++
		}
	}
	if len(iters) > core.MaxIterationsKept {
		res.Warnings = append(res.Warnings, fmt.Sprintf("Only the first %d items' details are kept.", core.MaxIterationsKept))
		iters = iters[:core.MaxIterationsKept]
	}
	res.Iterations = iters
	set(v, res, "items_succeeded", float64(c.Succeeded))
	set(v, res, "items_failed", float64(c.Failed))
	set(v, res, "items_skipped", float64(c.Skipped))
	if err := ctx.Err(); err != nil {
		return err
	}
	if c.Failed > 0 && !s.ContinueOnError {
		return core.Errorf(core.EINVALID, "%d of %d items failed (%s); the loop stopped.", c.Failed, c.Total, firstErr)
	}
	if c.Failed > 0 {
		res.Warnings = append(res.Warnings, fmt.Sprintf("%d of %d items failed; the loop went on.", c.Failed, c.Total))
	}
	return nil
}

// loopItems reads what a For Each goes over: a list, a dataset's rows, or
// a single value.
func loopItems(v vars, over string) ([]any, error) {
	name := strings.Trim(strings.TrimSpace(over), "{}")
	x, ok := v.lookup(name)
	if !ok {
		return nil, core.Errorf(core.EINVALID, "{%s} is not set, so there is nothing to loop over.", name)
	}
	switch t := x.(type) {
	case []any:
		return t, nil
	case *core.Dataset:
		out := make([]any, len(t.Rows))
		for i, row := range t.Rows {
			out[i] = map[string]any(row)
		}
		return out, nil
	case nil:
		return nil, nil
	case string:
		if strings.TrimSpace(t) == "" {
			return nil, nil
		}
	}
	return []any{x}, nil
}

// itemLabel names an item for the log: an object by its ID or name field,
// anything else by its text.
func itemLabel(item any) string {
	if m, ok := item.(map[string]any); ok {
		for _, k := range []string{"Id", "id", "ID", "affiliate_id", "name", "Name", "title"} {
			if v, found := m[k]; found && text(v) != "" {
				return short(k + " " + text(v))
			}
		}
	}
	return short(text(item))
}

func short(s string) string {
	if r := []rune(s); len(r) > 120 {
		return string(r[:120]) + "…"
	}
	return s
}
