package engine

import (
	"context"
	"unicode/utf8"

	"github.com/affdesk/affdesk/backend/core"
)

// Item records stay compact: response bodies are kept for the first
// BodySampleItems items and for every failed or unknown one, each cut to
// MaxKeptBody bytes.
const (
	BodySampleItems = 20
	MaxKeptBody     = 4 << 10
)

// compact returns the item as it is stored.
func compact(it core.Iteration) core.Iteration {
	keep := it.Index <= BodySampleItems || it.Status == core.StepFailed || it.Status == core.StepUnknown
	it.Steps = compactSteps(it.Steps, keep)
	return it
}

func compactSteps(steps []core.StepResult, keep bool) []core.StepResult {
	out := make([]core.StepResult, len(steps))
	for i, st := range steps {
		st.Requests = compactRecords(st.Requests, keep)
		if len(st.Iterations) > 0 {
			its := make([]core.Iteration, len(st.Iterations))
			for j, it := range st.Iterations {
				it.Steps = compactSteps(it.Steps, keep && it.Index <= BodySampleItems)
				its[j] = it
			}
			st.Iterations = its
		}
		out[i] = st
	}
	return out
}

func compactRecords(recs []core.HTTPRecord, keep bool) []core.HTTPRecord {
	if len(recs) == 0 {
		return recs
	}
	out := make([]core.HTTPRecord, len(recs))
	for i, rec := range recs {
		switch {
		case !keep:
			rec.Response = ""
		case len(rec.Response) > MaxKeptBody:
			cut := MaxKeptBody
			for cut > 0 && !utf8.RuneStart(rec.Response[cut]) {
				cut--
			}
			rec.Response, rec.Truncated = rec.Response[:cut], true
		}
		out[i] = rec
	}
	return out
}

// itemKey marks the context of a top-level loop item with its index, so
// the writes it makes are journaled against it.
type itemKey struct{}

func withItem(ctx context.Context, index int) context.Context {
	return context.WithValue(ctx, itemKey{}, index)
}

func itemOf(ctx context.Context) int {
	i, _ := ctx.Value(itemKey{}).(int)
	return i
}
