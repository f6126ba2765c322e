package pick

import (
	"context"
	"errors"

	"github.com/ohler55/ojg/jp"
)

// SelectAll returns, for each path in order, the values it selects in
// one JSON body, within DefaultLimits. When every path reads the same
// list element by element ($.Actions[*].Id and $.Actions[?@.State=='PENDING'].Payout),
// the body is read one element at a time and never held whole as values;
// otherwise it is parsed once for all paths. Either way the values are
// the same. On failure it also returns the index of the path being
// evaluated: a bad path at its own index, a body that is not JSON at the
// first path (after that path compiled), a broken limit at the path that
// broke it.
func SelectAll(ctx context.Context, body []byte, paths []string) ([][]any, int, error) {
	if len(paths) == 0 {
		return [][]any{}, -1, nil
	}
	xs, failed, err := compileAll(body, paths)
	if err != nil {
		return nil, failed, err
	}
	if s, ok := elementStream(xs); ok {
		err := s.feed(ctx, body)
		if err == nil {
			return s.out, -1, nil
		}
		if !errors.As(err, new(badJSON)) {
			return nil, s.failed, err
		}
	}
	return selectWhole(ctx, body, xs)
}

// compileAll compiles every path. A bad path is reported at its index,
// unless the body is not JSON and the bad path is not the first: the body
// is then reported at the first path, as a parse before the second path
// would have.
func compileAll(body []byte, paths []string) ([]jp.Expr, int, error) {
	xs := make([]jp.Expr, len(paths))
	for i, p := range paths {
		x, err := Compile(p)
		if err != nil && i > 0 && !wellFormed(body) {
			_, err = Parse(body)
			return nil, 0, err
		}
		if err != nil {
			return nil, i, err
		}
		xs[i] = x
	}
	return xs, -1, nil
}

// wellFormed reports whether body looks like one JSON value to the
// scanner (a cheap check; Parse is the strict one).
func wellFormed(body []byte) bool {
	s := &scanner{b: body}
	s.ws()
	if s.skip() != nil {
		return false
	}
	s.ws()
	return s.i == len(s.b)
}

// elementStream returns a stream when every path reads one and the same
// list element by element.
func elementStream(xs []jp.Expr) (*Stream, bool) {
	if len(xs) == 0 {
		return nil, false
	}
	prefix, _, ok := split(xs[0])
	if !ok {
		return nil, false
	}
	for _, x := range xs[1:] {
		if p, _, ok := split(x); !ok || !samePrefix(p, prefix) {
			return nil, false
		}
	}
	return newStream(xs, prefix, DefaultLimits)
}

// selectWhole parses the body once and makes every path on it.
func selectWhole(ctx context.Context, body []byte, xs []jp.Expr) ([][]any, int, error) {
	doc, err := Parse(body)
	if err != nil {
		return nil, 0, err
	}
	out := make([][]any, len(xs))
	for i, x := range xs {
		if out[i], err = doc.SelectContext(ctx, x); err != nil {
			return nil, i, err
		}
	}
	return out, -1, nil
}

// NewPageStream returns a stream for paths over a paged list whose items
// sit at itemsKey (Actions, data.items, or $ for a list at the root), or
// nil when some path can be made only on the merged list (an index into
// it, '..' from the root). A bad path is an EINVALID error with its index.
func NewPageStream(paths []string, itemsKey string) (*Stream, int, error) {
	xs := make([]jp.Expr, len(paths))
	for i, p := range paths {
		x, err := Compile(p)
		if err != nil {
			return nil, i, err
		}
		xs[i] = x
	}
	s, ok := newStream(xs, keysOf(itemsKey), DefaultLimits)
	if !ok {
		return nil, -1, nil
	}
	return s, -1, nil
}
