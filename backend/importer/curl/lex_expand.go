package curl

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// isExpansionStart reports whether c after '$' starts something the shell
// would expand: a name, a special parameter, ${…} or $(…).
func isExpansionStart(c byte) bool {
	return c == '{' || c == '(' || c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		(c >= '0' && c <= '9') || strings.IndexByte("@*#?$!-", c) >= 0
}

// dollar reads what follows '$' outside quotes: $'…' (ANSI-C quoting),
// $"…" (double quotes), an expansion kept literally, or a plain '$'.
func (l *lexer) dollar() {
	next := byte(0)
	if l.pos+1 < len(l.src) {
		next = l.src[l.pos+1]
	}
	switch {
	case next == '\'':
		l.pos += 2
		l.appendWord(l.ansiC())
	case next == '"':
		l.pos += 2
		l.doubleQuoted()
	case isExpansionStart(next):
		l.expansion()
	default:
		l.pos++
		l.appendWord("$")
	}
}

// expansion keeps $NAME, ${…} or $(…) as written and marks the word.
func (l *lexer) expansion() {
	start := l.pos
	l.pos++ // '$'
	switch c := l.src[l.pos]; {
	case c == '{':
		l.pos++
		l.until('}')
	case c == '(':
		l.pos++
		l.balanced('(', ')')
	case (c >= '0' && c <= '9') || strings.IndexByte("@*#?$!-", c) >= 0:
		l.pos++
	default:
		for l.pos < len(l.src) && isNameByte(l.src[l.pos]) {
			l.pos++
		}
	}
	l.appendWord(l.src[start:l.pos])
	l.expanded = true
}

func isNameByte(c byte) bool {
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
}

// balanced moves past the close byte matching an open one already read.
func (l *lexer) balanced(open, close byte) {
	depth := 1
	for l.pos < len(l.src) && depth > 0 {
		switch l.src[l.pos] {
		case open:
			depth++
		case close:
			depth--
		}
		l.pos++
	}
}

// backtick keeps a `command substitution` as written and marks the word.
func (l *lexer) backtick() {
	start := l.pos
	l.pos++
	l.until('`')
	l.appendWord(l.src[start:l.pos])
	l.expanded = true
}

// ansiC reads the body of $'…', decoding bash's backslash escapes.
func (l *lexer) ansiC() string {
	var b strings.Builder
	for l.pos < len(l.src) {
		c := l.src[l.pos]
		l.pos++
		switch c {
		case '\'':
			return b.String()
		case '\\':
			b.WriteString(l.ansiEscape())
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

var simpleEscapes = map[byte]string{
	'n': "\n", 't': "\t", 'r': "\r", 'a': "\a", 'b': "\b", 'e': "\x1b", 'E': "\x1b",
	'f': "\f", 'v': "\v", '\\': "\\", '\'': "'", '"': "\"", '?': "?",
}

// ansiEscape decodes one escape after a backslash inside $'…'.
func (l *lexer) ansiEscape() string {
	if l.pos >= len(l.src) {
		return `\`
	}
	c := l.src[l.pos]
	l.pos++
	if s, ok := simpleEscapes[c]; ok {
		return s
	}
	switch c {
	case 'x':
		return l.codePoint(16, 2, true)
	case 'u':
		return l.codePoint(16, 4, false)
	case 'U':
		return l.codePoint(16, 8, false)
	case 'c':
		if l.pos < len(l.src) {
			l.pos++
			return string(rune(l.src[l.pos-1] & 0x1f))
		}
	}
	if c >= '0' && c <= '7' {
		l.pos--
		return l.codePoint(8, 3, true)
	}
	return `\` + string(c)
}

// codePoint reads up to max digits in base and returns the byte (asByte)
// or the UTF-8 character they name; with no digits, the escape as written.
func (l *lexer) codePoint(base, max int, asByte bool) string {
	start := l.pos
	for l.pos < len(l.src) && l.pos-start < max && isDigitIn(l.src[l.pos], base) {
		l.pos++
	}
	if l.pos == start {
		return `\` + string(l.src[start-1])
	}
	n, _ := strconv.ParseUint(l.src[start:l.pos], base, 32)
	if asByte {
		return string([]byte{byte(n)})
	}
	if !utf8.ValidRune(rune(n)) {
		return string(utf8.RuneError)
	}
	return string(rune(n))
}

func isDigitIn(c byte, base int) bool {
	if base == 8 {
		return c >= '0' && c <= '7'
	}
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
}
