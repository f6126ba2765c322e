package engine

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/affdesk/affdesk/backend/core"
)

// loop is one For Each in progress: what each item ended as, and why the
// loop stopped early, if it did.
type loop struct {
	s       core.Step
	label   string
	top     bool // a top-level loop stores its items apart, as they finish
	mu      sync.Mutex
	status  []string
	kept    []core.Iteration // a nested loop's items, kept inline
	counts  core.ItemCounts
	reason  string // why items not yet started were not tried
	saveErr error
	// pending holds a top-level loop's finished items not yet stored,
	// and flushedAt when the last batch was (see keepItem).
	pending   []core.Iteration
	flushedAt time.Time
	// halt ends when the loop stops: no new item starts after it. Items
	// already running go on with the run's context, so a write on the
	// wire is never cut off by another item's failure.
	halt context.Context
}

// forEach runs the nested steps once per item of a list or dataset, up to
// Concurrency items at once. Each item ends succeeded, failed, unknown or
// skipped (a condition in it did not hold, or it was never tried because
// the loop stopped), so the four counts always add up to the total. A
// failed or unknown item stops the loop unless it continues on error; a
// refused key always stops it, so the tracker is not asked once per item.
// A stop keeps new items from starting and lets running ones finish;
// only the run's context (Cancel, a signal) cuts them off.
func (r *runner) forEach(ctx context.Context, s core.Step, v vars, label string, res *core.StepResult) error {
	items, err := loopItems(v, s.Over)
	if err != nil {
		return err
	}
	l := &loop{s: s, label: label, top: !strings.Contains(label, "."), status: make([]string, len(items)), flushedAt: r.e.now()}
	if !l.top {
		l.kept = make([]core.Iteration, len(items))
	}
	halt, stop := context.WithCancel(ctx)
	defer stop()
	l.halt = halt
	sem := make(chan struct{}, max(1, s.Concurrency))
	var wg sync.WaitGroup
	for i, item := range items {
		if !acquire(halt, sem) {
			break
		}
		wg.Add(1)
		go func(i int, item any) {
			defer wg.Done()
			defer func() { <-sem }()
			it, err := r.iteration(ctx, s, v, label, i, item, l)
			r.finishItem(ctx, l, it, err, stop, len(items))
		}(i, item)
	}
	wg.Wait()
	r.skipRest(ctx, l, items)
	return r.endLoop(ctx, l, v, res)
}

// acquire takes a slot for the next item, or reports that the loop stopped.
func acquire(ctx context.Context, sem chan struct{}) bool {
	select {
	case <-ctx.Done():
		return false
	case sem <- struct{}{}:
	}
	if ctx.Err() != nil {
		<-sem
		return false
	}
	return true
}

// finishItem records an item as it ends, and stops the loop when it must.
// It runs before the item frees its slot, so no item starts after a stop.
func (r *runner) finishItem(ctx context.Context, l *loop, it core.Iteration, err error, stop func(), total int) {
	var refused *refusedKey
	l.mu.Lock()
	l.status[it.Index-1] = it.Status
	l.counts.Add(it.Status)
	switch {
	case errors.As(err, &refused) && l.reason == "":
		l.reason = fmt.Sprintf("not tried: the tracker refused the key of connection “%s”", refused.conn)
		stop()
	case (it.Status == core.StepFailed || it.Status == core.StepUnknown) && !l.s.ContinueOnError && l.reason == "":
		l.reason = fmt.Sprintf("not tried: the loop stopped at item %d (%s)", it.Index, it.Status)
		stop()
	}
	counts := l.counts
	if !l.top {
		l.kept[it.Index-1] = it
	}
	l.mu.Unlock()
	if l.top {
		r.keepItem(l, r.body.compact(it))
	}
	r.e.emit(Event{RunID: r.run.ID, Status: core.RunRunning, StepID: l.s.ID, Step: l.label, Done: counts.Total, Total: total, Items: &counts,
		Message: fmt.Sprintf("Step %s: %d of %d items", l.label, counts.Total, total)})
}

// skipRest records every item that never started as skipped, with why.
func (r *runner) skipRest(ctx context.Context, l *loop, items []any) {
	reason := l.reason
	if ctx.Err() != nil {
		reason = "not tried: the run was cancelled"
	}
	var rest []core.Iteration
	for i, item := range items {
		if l.status[i] != "" {
			continue
		}
		it := core.Iteration{Index: i + 1, Item: itemLabel(item), Status: core.StepSkipped, Error: reason}
		l.status[i] = it.Status
		l.counts.Add(it.Status)
		if l.top {
			rest = append(rest, it)
		} else {
			l.kept[i] = it
		}
	}
	l.pending = append(l.pending, rest...)
	r.flushItems(l)
}

func (r *runner) saveItems(l *loop, items []core.Iteration) {
	if r.e.Items == nil {
		return
	}
	if err := r.e.Items.SaveItems(r.run.ID, l.label, items); err != nil {
		l.mu.Lock()
		l.saveErr = err
		l.mu.Unlock()
	}
}

// iteration runs the loop's steps for one item, with its own copy of the
// variables: {item}, its fields {item.x}, and {item_index}. The item's
// status is the worst of its steps'; the error returned is the one that
// ended it.
func (r *runner) iteration(ctx context.Context, s core.Step, v vars, label string, i int, item any, l *loop) (core.Iteration, error) {
	iv := v.clone()
	iv[s.ItemVar()], iv[s.ItemVar()+"_index"] = item, i+1
	it := core.Iteration{Index: i + 1, Item: itemLabel(item), Status: core.StepOK}
	if l.top {
		ctx = withItem(ctx, it.Index, it.Item)
	}
	var last error
	for j, child := range s.Steps {
		if l.halt.Err() != nil && j == 0 {
			it.Status, it.Error = core.StepSkipped, "not tried: the loop stopped before this item began"
			return it, nil
		}
		cres, f, err := r.step(ctx, child, iv, fmt.Sprintf("%s.%d", label, j+1))
		it.Steps = append(it.Steps, cres)
		if err != nil {
			last = err
			it.Status = core.WorseStatus(it.Status, cres.Status)
			if it.Error == "" {
				it.Error = cres.Error
			}
		}
		switch f {
		case flowFailed:
			return it, err
		case flowStopped:
			if it.Status == core.StepOK {
				it.Status = core.StepSkipped
			}
			return it, last
		}
	}
	return it, last
}

// badItems words a loop's failed and unknown items: "12 of 126 items
// failed", "1 of 40 items has an unknown outcome", or both.
func badItems(c core.ItemCounts) string {
	var parts []string
	if c.Failed > 0 {
		parts = append(parts, fmt.Sprintf("%d of %d items failed", c.Failed, c.Total))
	}
	if c.Unknown > 0 {
		verb := "have"
		if c.Unknown == 1 {
			verb = "has"
		}
		parts = append(parts, fmt.Sprintf("%d of %d items %s an unknown outcome", c.Unknown, c.Total, verb))
	}
	return strings.Join(parts, " and ")
}

func (r *runner) endLoop(ctx context.Context, l *loop, v vars, res *core.StepResult) error {
	c := l.counts
	res.Items = &c
	if !l.top {
		res.Iterations = l.kept
	}
	if l.saveErr != nil {
		res.Warnings = append(res.Warnings, "Some items could not be stored: "+l.saveErr.Error())
	}
	set(v, res, "items_succeeded", c.Succeeded)
	set(v, res, "items_failed", c.Failed)
	set(v, res, "items_skipped", c.Skipped)
	set(v, res, "items_unknown", c.Unknown)
	if err := ctx.Err(); err != nil {
		return err
	}
	if strings.Contains(l.reason, "refused the key") {
		return core.Errorf(core.EUNAUTHORIZED, "The tracker refused the key: the loop stopped after %d of %d items (%s).", c.Total-c.Skipped, c.Total, strings.TrimPrefix(l.reason, "not tried: "))
	}
	bad := c.Failed + c.Unknown
	if bad > 0 && !l.s.ContinueOnError {
		return core.Errorf(core.EINVALID, "%s; the loop stopped.", badItems(c))
	}
	if bad > 0 {
		res.Warnings = append(res.Warnings, badItems(c)+"; the loop went on.")
	}
	return nil
}
