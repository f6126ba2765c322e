package pick

// maxScanDepth bounds nesting while skipping, as the parser does.
const maxScanDepth = 10_000

// skip moves past one value at s.i.
func (s *scanner) skip() error { return s.skipDepth(0) }

func (s *scanner) skipDepth(depth int) error {
	if depth > maxScanDepth {
		return s.errorf("nested too deeply")
	}
	switch c := s.peek(); {
	case c == '{':
		return s.list('}', func() error { return s.skipMember(depth + 1) })
	case c == '[':
		return s.list(']', func() error { return s.skipDepth(depth + 1) })
	case c == '"':
		_, err := s.str()
		return err
	case c == '-' || c >= '0' && c <= '9':
		return s.number()
	case c == 't':
		return s.literal("true")
	case c == 'f':
		return s.literal("false")
	case c == 'n':
		return s.literal("null")
	}
	return s.errorf("a value expected")
}

// skipMember moves past one object member without keeping its key.
func (s *scanner) skipMember(depth int) error {
	if _, err := s.str(); err != nil {
		return err
	}
	if s.ws(); s.peek() != ':' {
		return s.errorf("':' expected after a key")
	}
	s.i++
	s.ws()
	return s.skipDepth(depth)
}

// str moves past a string at s.i and reports whether it held escapes.
// Control characters inside are refused, as the JSON grammar does.
func (s *scanner) str() (escaped bool, err error) {
	if s.peek() != '"' {
		return false, s.errorf("'\"' expected")
	}
	for s.i++; s.i < len(s.b); s.i++ {
		switch c := s.b[s.i]; {
		case c == '"':
			s.i++
			return escaped, nil
		case c == '\\':
			escaped = true
			if err := s.escape(); err != nil {
				return false, err
			}
		case c < 0x20:
			return false, s.errorf("control character in a string")
		}
	}
	return false, s.errorf("unterminated string")
}

// escape checks the escape at s.i (a backslash) and leaves s.i on its
// last byte.
func (s *scanner) escape() error {
	s.i++
	if s.i >= len(s.b) {
		return s.errorf("unterminated string")
	}
	switch s.b[s.i] {
	case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
		return nil
	case 'u':
		if len(s.b)-s.i < 5 {
			return s.errorf("bad \\u escape")
		}
		for _, c := range s.b[s.i+1 : s.i+5] {
			if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
				return s.errorf("bad \\u escape")
			}
		}
		s.i += 4
		return nil
	}
	return s.errorf("bad escape")
}

// number moves past a number, following the JSON grammar:
// -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
func (s *scanner) number() error {
	if s.peek() == '-' {
		s.i++
	}
	if s.peek() == '0' {
		s.i++
	} else if !s.digits() {
		return s.errorf("bad number")
	}
	if s.peek() == '.' {
		s.i++
		if !s.digits() {
			return s.errorf("bad number")
		}
	}
	if c := s.peek(); c == 'e' || c == 'E' {
		s.i++
		if c := s.peek(); c == '+' || c == '-' {
			s.i++
		}
		if !s.digits() {
			return s.errorf("bad number")
		}
	}
	return nil
}

// digits moves past one or more digits and reports whether there was one.
func (s *scanner) digits() bool {
	from := s.i
	for s.i < len(s.b) && s.b[s.i] >= '0' && s.b[s.i] <= '9' {
		s.i++
	}
	return s.i > from
}

func (s *scanner) literal(word string) error {
	if len(s.b)-s.i < len(word) || string(s.b[s.i:s.i+len(word)]) != word {
		return s.errorf("%s expected", word)
	}
	s.i += len(word)
	return nil
}
