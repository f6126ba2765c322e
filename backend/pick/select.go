package pick

import (
	"context"
	"strings"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/ohler55/ojg/jp"
)

// Compile parses a JSONPath. A bad path is an EINVALID error in plain
// words that says where the path breaks and how to mend it, so a typo is
// caught when the step is saved, not at 3 a.m. It never panics: an
// internal failure of the parser is worded like any other bad path.
//
// Two rules go beyond the parser's: a filter may use '..' at most once
// (each '..' inside a filter multiplies the work done for every item, out
// of reach of the limits Select enforces), and a comparison of two fields
// (@.a==@.b) is rewritten so that an item with neither field does not
// match: a missing field equals nothing.
func Compile(path string) (x jp.Expr, err error) {
	path = strings.TrimSpace(path)
	defer func() {
		if r := recover(); r != nil {
			x, err = nil, core.Errorf(core.EINVALID, "%s", explain(path, r))
		}
	}()
	if !strings.HasPrefix(path, "$") {
		return nil, core.Errorf(core.EINVALID, "%q is not a JSONPath: it must start with $.", path)
	}
	x, err = jp.ParseString(path)
	if err != nil {
		return nil, core.Errorf(core.EINVALID, "%s", explain(path, err))
	}
	if err := checkFilters(path, x); err != nil {
		return nil, err
	}
	return strictFilters(x), nil
}

// Select returns the values x selects in the document, in order, within
// DefaultLimits. See SelectContext.
func (d *Document) Select(x jp.Expr) []any { return SelectIn(d.root, x) }

// SelectContext returns the values x selects in the document, in order,
// within DefaultLimits and ctx. See Limits.Select for the errors.
func (d *Document) SelectContext(ctx context.Context, x jp.Expr) ([]any, error) {
	return DefaultLimits.Select(ctx, d.root, x)
}

// SelectIn returns the values x selects in v (a value parsed by ojg or
// encoding/json), or nothing when the selection breaks a limit of
// DefaultLimits. It never panics. Callers that must tell "nothing
// matched" from "too much matched" use Limits.Select.
func SelectIn(v any, x jp.Expr) []any {
	out, err := DefaultLimits.Select(context.Background(), v, x)
	if err != nil {
		return nil
	}
	return out
}

// Value returns the root value, for callers that keep selecting.
func (d *Document) Value() any { return d.root }
