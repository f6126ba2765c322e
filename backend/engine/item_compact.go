package engine

import (
	"context"
	"sync/atomic"

	"github.com/affdesk/affdesk/backend/core"
)

// Item records stay compact: response bodies are kept for the first
// BodySampleItems items and for every failed or unknown one, each cut to
// MaxKeptBody bytes, while the run's body budget lasts (DefaultBodyBudget
// bytes of kept response bodies unless Engine.BodyBudget says otherwise).
// A body left out for want of budget is marked Truncated.
const (
	BodySampleItems   = 20
	MaxKeptBody       = 4 << 10
	DefaultBodyBudget = 64 << 10
)

// bodyBudget is what is left of a run's budget for kept response bodies.
type bodyBudget struct{ left atomic.Int64 }

func newBodyBudget(n int) *bodyBudget {
	if n <= 0 {
		n = DefaultBodyBudget
	}
	b := &bodyBudget{}
	b.left.Store(int64(n))
	return b
}

// take reserves n bytes, reporting false (and reserving nothing) when
// fewer are left.
func (b *bodyBudget) take(n int) bool {
	for {
		left := b.left.Load()
		if int64(n) > left {
			return false
		}
		if b.left.CompareAndSwap(left, left-int64(n)) {
			return true
		}
	}
}

// compact returns the item as it is stored.
func (b *bodyBudget) compact(it core.Iteration) core.Iteration {
	keep := it.Index <= BodySampleItems || it.Status == core.StepFailed || it.Status == core.StepUnknown
	it.Steps = b.compactSteps(it.Steps, keep)
	return it
}

func (b *bodyBudget) compactSteps(steps []core.StepResult, keep bool) []core.StepResult {
	out := make([]core.StepResult, len(steps))
	for i, st := range steps {
		st.Requests = b.compactRecords(st.Requests, keep)
		if len(st.Iterations) > 0 {
			its := make([]core.Iteration, len(st.Iterations))
			for j, it := range st.Iterations {
				it.Steps = b.compactSteps(it.Steps, keep && it.Index <= BodySampleItems)
				its[j] = it
			}
			st.Iterations = its
		}
		out[i] = st
	}
	return out
}

func (b *bodyBudget) compactRecords(recs []core.HTTPRecord, keep bool) []core.HTTPRecord {
	if len(recs) == 0 {
		return recs
	}
	out := make([]core.HTTPRecord, len(recs))
	for i, rec := range recs {
		switch {
		case !keep:
			rec.Response = ""
		case len(rec.Response) > MaxKeptBody:
			rec.Response, rec.Truncated = core.CutUTF8(rec.Response, MaxKeptBody)
		}
		if keep && rec.Response != "" && !b.take(len(rec.Response)) {
			rec.Response, rec.Truncated = "", true
		}
		out[i] = rec
	}
	return out
}

// itemKey marks the context of a top-level loop item with its index and
// preview, so the writes it makes are journaled against it.
type itemKey struct{}

// itemMark is what the context of a top-level loop item says of it.
type itemMark struct {
	index int
	label string // the item's preview, as its Iteration.Item
}

// withItem marks ctx as that of the top-level loop item at index (1-based)
// whose preview is label.
func withItem(ctx context.Context, index int, label string) context.Context {
	return context.WithValue(ctx, itemKey{}, itemMark{index: index, label: label})
}

// itemOf returns the index and preview of the loop item ctx belongs to,
// or 0 and "" outside a top-level loop.
func itemOf(ctx context.Context) (int, string) {
	m, _ := ctx.Value(itemKey{}).(itemMark)
	return m.index, m.label
}
