package pick

import (
	"encoding/json"
	"errors"
	"fmt"
)

// errNotArray says the value at a prefix is missing or is not an array,
// so it cannot be read element by element.
var errNotArray = errors.New("no array at the prefix")

// scanner walks JSON bytes without building values: it finds where an
// array sits and where each of its elements starts and ends. It checks
// the structure it skips (brackets, strings, literals, number characters)
// so a malformed body is refused rather than half read; the elements
// themselves are parsed strictly by the caller.
type scanner struct {
	b []byte
	i int
}

// errDuplicate says a key on the way to the list appears twice, which
// the scanner leaves to a full parse (where the last one counts).
var errDuplicate = errors.New("a key on the way to the list repeats")

// eachElement calls fn with the bytes of each element of the array found
// at the object keys of prefix, in order, in one pass over the body. The
// whole body is checked to be one JSON value, after fn has seen the
// elements: a caller keeps what fn gathered only when no error came.
// errNotArray when there is no array there, errDuplicate when a key on
// the way repeats, a syntax error for a malformed body; fn's error stops
// the walk.
func eachElement(body []byte, prefix []string, fn func(elem []byte) error) error {
	s := &scanner{b: body}
	s.ws()
	found := false
	if err := s.visit(prefix, fn, &found); err != nil {
		return err
	}
	if s.ws(); s.i != len(s.b) {
		return s.errorf("data after the JSON value")
	}
	if !found {
		return errNotArray
	}
	return nil
}

// visit moves past the value at s.i, walking the elements of the array
// at prefix below it when there is one.
func (s *scanner) visit(prefix []string, fn func([]byte) error, found *bool) error {
	if len(prefix) == 0 {
		if s.peek() != '[' {
			return s.skip()
		}
		*found = true
		return s.elements(fn)
	}
	if s.peek() != '{' {
		return s.skip()
	}
	seen := false
	return s.members(func(key string) error {
		if key != prefix[0] {
			return s.skip()
		}
		if seen {
			return errDuplicate
		}
		seen = true
		return s.visit(prefix[1:], fn, found)
	})
}

// members walks an object at s.i, calling fn with each key once s.i is
// at the member's value; fn must move past the value.
func (s *scanner) members(fn func(key string) error) error {
	return s.list('}', func() error {
		key, err := s.key()
		if err != nil {
			return err
		}
		if s.ws(); s.peek() != ':' {
			return s.errorf("':' expected after a key")
		}
		s.i++
		s.ws()
		return fn(key)
	})
}

// elements walks the array at s.i, passing each element's bytes to fn.
func (s *scanner) elements(fn func([]byte) error) error {
	return s.list(']', func() error {
		from := s.i
		if err := s.skip(); err != nil {
			return err
		}
		return fn(s.b[from:s.i])
	})
}

// list walks the members or elements of the container opening at s.i,
// calling each with s.i at the start of one (after white space); each
// must move past it. It ends past the closing bracket.
func (s *scanner) list(closing byte, each func() error) error {
	s.i++
	if s.ws(); s.peek() == closing {
		s.i++
		return nil
	}
	for {
		s.ws()
		if err := each(); err != nil {
			return err
		}
		s.ws()
		switch s.peek() {
		case ',':
			s.i++
		case closing:
			s.i++
			return nil
		default:
			return s.errorf("',' or '%c' expected", closing)
		}
	}
}

// key reads an object key, unescaping it when it holds escapes.
func (s *scanner) key() (string, error) {
	from := s.i
	escaped, err := s.str()
	if err != nil {
		return "", err
	}
	raw := s.b[from+1 : s.i-1]
	if !escaped {
		return string(raw), nil
	}
	var k string
	if err := json.Unmarshal(s.b[from:s.i], &k); err != nil {
		return "", s.errorf("bad key")
	}
	return k, nil
}

func (s *scanner) peek() byte {
	if s.i < len(s.b) {
		return s.b[s.i]
	}
	return 0
}

func (s *scanner) ws() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

func (s *scanner) errorf(format string, args ...any) error {
	return fmt.Errorf("offset %d: %s", s.i, fmt.Sprintf(format, args...))
}
