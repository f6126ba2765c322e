package pick

import (
	"context"
	"errors"
	"time"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/ohler55/ojg/jp"
	"github.com/ohler55/ojg/oj"
)

// MaxStreamed caps the values one streamed selection may gather across
// every element and page: ten times the node cap of one selection.
const MaxStreamed = 10 * 100_000

// Stream makes a set of selections over a JSON list read one element at a
// time, from one body or from every page of a paged list, so that no more
// than one element is ever held as values (beside what is selected). Each
// element is parsed once for all selections. Paths that address the list
// element by element ($.Actions[*].Id, $.Actions[?@.State=='PENDING'].Payout)
// are made on each element as it comes; paths outside the list
// ($['@total']) are made on the list's envelope at Finish. The results
// are the same, in the same order, as the paths made on the whole list.
type Stream struct {
	limits Limits
	prefix []string
	paths  []jp.Expr
	rest   []jp.Expr       // element part of each path; nil for a path outside the list
	tail   []jp.Expr       // the element part after its first step, from the element
	keys   map[string]bool // an object element's keys the paths read; nil: build it whole
	out    [][]any
	walked time.Duration
	parser oj.Parser
	failed int // the path that broke a limit, or -1
	seen   int // elements read, for checking ctx now and then
}

// badJSON marks an error of the body itself, not of a path.
type badJSON struct{ err error }

func (b badJSON) Error() string { return b.err.Error() }

// newStream returns a stream for compiled paths over the list at prefix,
// or false when some path can be made only on the whole document.
func newStream(paths []jp.Expr, prefix []string, limits Limits) (*Stream, bool) {
	s := &Stream{limits: limits, prefix: prefix, paths: paths, rest: make([]jp.Expr, len(paths)), tail: make([]jp.Expr, len(paths)), out: make([][]any, len(paths)), failed: -1}
	for i := range s.out {
		s.out[i] = []any{}
	}
	for i, x := range paths {
		if p, rest, ok := split(x); ok && samePrefix(p, prefix) {
			s.rest[i] = rest
			s.tail[i] = append(jp.Expr{jp.Root('$')}, rest[2:]...)
		} else if !outside(x, prefix) {
			return nil, false
		}
	}
	s.keys, _ = needs(s.rest)
	return s, true
}

// Feed makes the element paths on each element of the list in body. A
// body that is not JSON, or that has no list where the items are, is an
// EINVALID error naming the page; so is a path that gathers more than
// MaxStreamed values. The time spent selecting (not parsing) counts
// against the limits' Timeout across all pages.
func (s *Stream) Feed(ctx context.Context, body []byte) error {
	err := s.feed(ctx, body)
	var bad badJSON
	if errors.As(err, &bad) {
		return bad.err
	}
	return err
}

// Failed returns the index of the path whose limit Feed or Finish
// reported, or -1 when the error (if any) was the body's.
func (s *Stream) Failed() int { return s.failed }

// feed is Feed with the body's own errors marked badJSON.
func (s *Stream) feed(ctx context.Context, body []byte) error {
	err := eachElement(body, s.prefix, func(elem []byte) error { return s.element(ctx, elem) })
	if errors.Is(err, errDuplicate) {
		return badJSON{core.Errorf(core.EINVALID, "The response repeats a key on the way to its list.")}
	}
	if errors.Is(err, errNotArray) {
		list := append(jp.Expr{jp.Root('$')}, childFrags(s.prefix)...)
		return badJSON{core.Errorf(core.EINVALID, "The response has no list at %s.", list.String())}
	}
	var coded *core.Error
	if err != nil && !errors.As(err, &coded) {
		return badJSON{core.Errorf(core.EINVALID, "The response is not valid JSON: %v.", err)}
	}
	return err
}

// element parses one element and makes every element path on it.
func (s *Stream) element(ctx context.Context, elem []byte) (err error) {
	if s.seen++; s.seen&255 == 0 && ctx.Err() != nil {
		return core.Errorf(core.EUNAVAILABLE, "The selections were stopped.")
	}
	var v any
	if s.keys != nil && len(elem) > 0 && elem[0] == '{' {
		v, err = project(elem, s.keys, s.parse)
	} else {
		v, err = s.parse(elem)
	}
	if err != nil {
		return badJSON{err}
	}
	start := time.Now()
	defer func() { s.walked += time.Since(start) }()
	for i, rest := range s.rest {
		if rest == nil {
			continue
		}
		got, err := s.walk(ctx, v, i)
		if err != nil {
			s.failed = i
			return err
		}
		if len(s.out[i])+len(got) > MaxStreamed {
			s.failed = i
			return core.Errorf(core.EINVALID, "%s selects more than %d values: narrow it, e.g. with a filter.", s.paths[i].String(), MaxStreamed)
		}
		s.out[i] = append(s.out[i], got...)
	}
	if s.limits.Timeout > 0 && s.walked > s.limits.Timeout {
		return core.Errorf(core.EUNAVAILABLE, "The selections took too long: narrow them, e.g. replace '..' with the exact fields.")
	}
	return nil
}

// parse parses one element strictly; ojg's panics on malformed input are
// reported as invalid JSON.
func (s *Stream) parse(elem []byte) (v any, err error) {
	defer func() {
		if r := recover(); r != nil {
			v, err = nil, core.Errorf(core.EINVALID, "The response is not valid JSON.")
		}
	}()
	if v, err = s.parser.Parse(elem); err != nil {
		return nil, core.Errorf(core.EINVALID, "The response is not valid JSON: %v.", err)
	}
	return v, nil
}

// walk makes path i's element part on one element: its first step (a
// wildcard, or a filter matched against the element alone) and then the
// rest from the element, wording errors with the whole path.
func (s *Stream) walk(ctx context.Context, item any, i int) (out []any, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, core.Errorf(core.EINVALID, "The selection %s could not be evaluated on this response; try a simpler path.", s.paths[i].String())
		}
	}()
	rest := s.rest[i]
	if f, ok := rest[1].(*jp.Filter); ok && !f.Match(item) {
		return nil, nil
	}
	if len(rest) == 2 {
		return []any{item}, nil
	}
	w := &walker{ctx: ctx, root: item, max: s.limits.MaxNodes}
	nodes, err := w.run(s.tail[i])
	if err != nil {
		if t, ok := err.(tooMany); ok {
			err = tooMany{step: t.step + len(s.paths[i]) - len(rest) + 1}
		}
		return nil, w.word(s.paths[i], err)
	}
	out = make([]any, len(nodes))
	for j, n := range nodes {
		out[j] = n.v
	}
	return out, nil
}

// Finish makes the paths outside the list on envelope (the list's
// enclosing document, whose list may be empty) and returns every path's
// values in order.
func (s *Stream) Finish(ctx context.Context, envelope []byte) ([][]any, error) {
	var doc *Document
	for i, rest := range s.rest {
		if rest != nil {
			continue
		}
		if doc == nil {
			var err error
			if doc, err = Parse(envelope); err != nil {
				return nil, err
			}
		}
		got, err := s.limits.Select(ctx, doc.root, s.paths[i])
		if err != nil {
			s.failed = i
			return nil, err
		}
		s.out[i] = got
	}
	return s.out, nil
}
