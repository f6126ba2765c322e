package pick

import (
	"github.com/ohler55/ojg/jp"
)

// needs returns the keys of an element that the element parts of paths
// read, or false when some path may read more than named keys (the
// whole element, '..', a wildcard, an index, or a filter on '@' itself).
// An element that is an object can then be built from those keys alone.
func needs(rests []jp.Expr) (map[string]bool, bool) {
	keys := map[string]bool{}
	for _, rest := range rests {
		if rest == nil {
			continue
		}
		if f, ok := rest[1].(*jp.Filter); ok && !filterKeys(f.String(), keys) {
			return nil, false
		}
		k, ok := firstChild(rest[2:])
		if !ok {
			return nil, false
		}
		keys[k] = true
	}
	return keys, true
}

// firstChild returns the key a path part starts with.
func firstChild(x jp.Expr) (string, bool) {
	for _, f := range x {
		switch c := f.(type) {
		case jp.Bracket:
			continue
		case jp.Child:
			return string(c), true
		}
		return "", false
	}
	return "", false
}

// filterKeys adds the element keys a filter reads (each '@' followed by
// .key or ['key']) and reports whether every '@' is of that form.
// Anything else, an '@' inside a quoted string included, says no.
func filterKeys(src string, keys map[string]bool) bool {
	for i := 0; i < len(src); i++ {
		if src[i] != '@' {
			continue
		}
		k, n := keyAfter(src[i+1:])
		if n == 0 {
			return false
		}
		keys[k] = true
		i += n
	}
	return true
}

// keyAfter reads .key or ['key'] at the start of s, returning the key and
// the bytes read, or 0 when s starts otherwise.
func keyAfter(s string) (string, int) {
	if len(s) > 1 && s[0] == '.' && s[1] != '.' && s[1] != '*' {
		n := 1
		for n < len(s) && identByte(s[n]) {
			n++
		}
		if n > 1 {
			return s[1:n], n
		}
		return "", 0
	}
	if len(s) > 3 && s[0] == '[' && s[1] == '\'' {
		for n := 2; n < len(s); n++ {
			switch s[n] {
			case '\\':
				return "", 0
			case '\'':
				if n+1 < len(s) && s[n+1] == ']' {
					return s[2:n], n + 2
				}
				return "", 0
			}
		}
	}
	return "", 0
}

func identByte(c byte) bool {
	return c == '_' || c == '-' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

// project builds an object element from the needed keys alone, skipping
// the bytes of the others; parse builds each kept value.
func project(elem []byte, keys map[string]bool, parse func([]byte) (any, error)) (map[string]any, error) {
	s := &scanner{b: elem}
	out := make(map[string]any, len(keys))
	err := s.list('}', func() error {
		from := s.i
		escaped, err := s.str()
		if err != nil {
			return err
		}
		key := string(s.b[from+1 : s.i-1])
		if escaped {
			s.i = from
			if key, err = s.key(); err != nil {
				return err
			}
		}
		if s.ws(); s.peek() != ':' {
			return s.errorf("':' expected after a key")
		}
		s.i++
		s.ws()
		return s.keep(key, keys, out, parse)
	})
	return out, err
}

// keep moves past a member's value, parsing it into out when its key is
// needed.
func (s *scanner) keep(key string, keys map[string]bool, out map[string]any, parse func([]byte) (any, error)) error {
	from := s.i
	if err := s.skip(); err != nil {
		return err
	}
	if !keys[key] {
		return nil
	}
	v, err := parse(s.b[from:s.i])
	if err != nil {
		return err
	}
	out[key] = v
	return nil
}
