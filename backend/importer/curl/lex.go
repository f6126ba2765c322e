package curl

import (
	"strings"
)

// maxInput bounds the text Parse reads, so a pasted file cannot make the
// lexer work for long: every step below is linear in the input.
const maxInput = 256 << 10

// word is one shell word after quote removal. Expanded notes that it held
// something the shell would expand ($VAR, $(…), `…`), kept literally.
type word struct {
	text     string
	expanded bool
}

// command is one simple command of the text: its words and what its
// standard input would be.
type command struct {
	words []word
	// stdin is the text a here-document or here-string feeds the command;
	// stdinFile names a file redirected in with '<'.
	stdin, stdinFile string
	hasStdin         bool
	stdinExpanded    bool // the here-string holds a shell expansion
}

// lexer splits shell text into commands and words as bash would, without
// running or expanding anything.
type lexer struct {
	src      string
	pos      int
	cur      strings.Builder
	inWord   bool
	expanded bool
	cmds     []command
	cmd      command
	heredocs []heredoc // here-documents whose body starts at the next line
}

// heredoc is a pending here-document: the command it feeds and its end
// marker.
type heredoc struct {
	cmd   int
	delim string
	tabs  bool // <<- strips leading tabs
}

// lex returns the commands of src in order.
func lex(src string) []command {
	l := &lexer{src: src}
	for l.pos < len(l.src) {
		l.step()
	}
	l.endCommand()
	return l.cmds
}

// step consumes one unit of input: a quoted section, an escape, a
// separator or one plain byte.
func (l *lexer) step() {
	c := l.src[l.pos]
	switch {
	case c == '\\':
		l.backslash()
	case c == '\'':
		l.pos++
		l.appendWord(l.until('\''))
	case c == '"':
		l.pos++
		l.doubleQuoted()
	case c == '$':
		l.dollar()
	case c == '`':
		l.backtick()
	case c == '#' && !l.inWord:
		l.comment()
	case c == ' ' || c == '\t' || c == '\r':
		l.pos++
		l.endWord()
	case c == '\n':
		l.pos++
		l.endCommand()
		l.readHeredocs()
	case c == ';' || c == '&' || c == '|' || c == '(' || c == ')':
		l.pos++
		l.endCommand()
	case c == '<' || c == '>':
		l.redirect()
	default:
		l.pos++
		l.appendWord(string(c))
	}
}

func (l *lexer) appendWord(s string) {
	l.inWord = true
	l.cur.WriteString(s)
}

func (l *lexer) endWord() {
	if !l.inWord {
		return
	}
	l.cmd.words = append(l.cmd.words, word{text: l.cur.String(), expanded: l.expanded})
	l.cur.Reset()
	l.inWord, l.expanded = false, false
}

func (l *lexer) endCommand() {
	l.endWord()
	if len(l.cmd.words) > 0 || l.cmd.hasStdin {
		l.cmds = append(l.cmds, l.cmd)
	}
	l.cmd = command{}
}

// until returns the text up to the next end byte and moves past it (or
// to the end of the input when there is none).
func (l *lexer) until(end byte) string {
	i := strings.IndexByte(l.src[l.pos:], end)
	if i < 0 {
		s := l.src[l.pos:]
		l.pos = len(l.src)
		return s
	}
	s := l.src[l.pos : l.pos+i]
	l.pos += i + 1
	return s
}

// backslash quotes the next byte; a backslash before a newline joins the
// lines.
func (l *lexer) backslash() {
	l.pos++
	if l.pos >= len(l.src) {
		l.appendWord(`\`)
		return
	}
	c := l.src[l.pos]
	l.pos++
	switch {
	case c == '\n':
	case c == '\r' && l.pos < len(l.src) && l.src[l.pos] == '\n':
		l.pos++
	default:
		l.appendWord(string(c))
	}
}

// doubleQuoted reads a "…" section: a backslash quotes only $ ` " \ and
// a newline; $ and ` start expansions kept literally.
func (l *lexer) doubleQuoted() {
	l.inWord = true
	for l.pos < len(l.src) {
		c := l.src[l.pos]
		switch {
		case c == '"':
			l.pos++
			return
		case c == '\\' && l.pos+1 < len(l.src) && strings.IndexByte("$`\"\\\n", l.src[l.pos+1]) >= 0:
			if l.src[l.pos+1] != '\n' {
				l.cur.WriteByte(l.src[l.pos+1])
			}
			l.pos += 2
		case c == '$' && l.pos+1 < len(l.src) && isExpansionStart(l.src[l.pos+1]):
			l.expansion()
		case c == '`':
			l.backtick()
		default:
			l.cur.WriteByte(c)
			l.pos++
		}
	}
}

// comment skips to the end of the line.
func (l *lexer) comment() {
	i := strings.IndexByte(l.src[l.pos:], '\n')
	if i < 0 {
		l.pos = len(l.src)
		return
	}
	l.pos += i
}
