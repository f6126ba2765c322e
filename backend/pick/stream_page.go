package pick

import (
	"context"
	"errors"
)

// FeedPage is Feed for one page of a paged list. It also returns what
// the client pages by: the page's envelope (the page as values, with an
// empty list where the records were) and how many records the list held.
// The records themselves are never built whole.
func (s *Stream) FeedPage(ctx context.Context, page []byte) (envelope any, records int, err error) {
	before := s.seen
	if err := s.Feed(ctx, page); err != nil {
		return nil, 0, err
	}
	sc := &scanner{b: page}
	sc.ws()
	env, err := sc.envelope(s.prefix, s.parse)
	var bad badJSON
	if errors.As(err, &bad) {
		err = bad.err
	}
	return env, s.seen - before, err
}

// envelope builds the value at s.i with the array at prefix replaced by
// an empty one; everything else is parsed as it is.
func (s *scanner) envelope(prefix []string, parse func([]byte) (any, error)) (any, error) {
	if len(prefix) == 0 {
		return []any{}, s.skip()
	}
	if s.peek() != '{' {
		from := s.i
		if err := s.skip(); err != nil {
			return nil, err
		}
		return parse(s.b[from:s.i])
	}
	out := map[string]any{}
	err := s.members(func(key string) error {
		var v any
		var err error
		if key == prefix[0] {
			v, err = s.envelope(prefix[1:], parse)
		} else {
			from := s.i
			if err = s.skip(); err == nil {
				v, err = parse(s.b[from:s.i])
			}
		}
		out[key] = v
		return err
	})
	return out, err
}
