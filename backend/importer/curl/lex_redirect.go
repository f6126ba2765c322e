package curl

import "strings"

// redirect reads a redirection: '<' FILE, '<<' here-document, '<<<'
// here-string, or an output redirection ('>', '>>', '>&'), which does
// not change the request. A word of digits just before it is the file
// descriptor, not an argument.
func (l *lexer) redirect() {
	if l.inWord && isDigits(l.cur.String()) {
		l.cur.Reset()
		l.inWord, l.expanded = false, false
	}
	l.endWord()
	switch {
	case strings.HasPrefix(l.src[l.pos:], "<<<"):
		l.pos += 3
		w, expanded := l.nextWordExpanded()
		l.cmd.stdin, l.cmd.hasStdin, l.cmd.stdinExpanded = w+"\n", true, expanded
	case strings.HasPrefix(l.src[l.pos:], "<<"):
		l.pos += 2
		tabs := l.pos < len(l.src) && l.src[l.pos] == '-'
		if tabs {
			l.pos++
		}
		l.heredocs = append(l.heredocs, heredoc{cmd: len(l.cmds), delim: l.nextWord(), tabs: tabs})
		l.cmd.hasStdin = true
	case l.src[l.pos] == '<':
		l.pos++
		l.cmd.stdinFile, l.cmd.hasStdin = l.nextWord(), true
	default:
		l.pos++
		for l.pos < len(l.src) && strings.IndexByte(">&|", l.src[l.pos]) >= 0 {
			l.pos++
		}
		l.nextWord()
	}
}

func isDigits(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// nextWord reads the word after a redirection operator, with quote
// removal, without adding it to the command.
func (l *lexer) nextWord() string {
	w, _ := l.nextWordExpanded()
	return w
}

// nextWordExpanded is nextWord that also says whether the word held a
// shell expansion.
func (l *lexer) nextWordExpanded() (string, bool) {
	for l.pos < len(l.src) && (l.src[l.pos] == ' ' || l.src[l.pos] == '\t') {
		l.pos++
	}
	saved, savedIn, savedExp := l.cur.String(), l.inWord, l.expanded
	l.cur.Reset()
	l.inWord = false
	for l.pos < len(l.src) && strings.IndexByte(" \t\r\n;&|()<>", l.src[l.pos]) < 0 {
		l.step()
	}
	w, expanded := l.cur.String(), l.expanded
	l.cur.Reset()
	l.cur.WriteString(saved)
	l.inWord, l.expanded = savedIn, savedExp
	return w, expanded
}

// readHeredocs reads the bodies of the here-documents started on the line
// just ended, each up to its delimiter line.
func (l *lexer) readHeredocs() {
	for _, h := range l.heredocs {
		var body strings.Builder
		for l.pos < len(l.src) {
			line := l.src[l.pos:]
			end := strings.IndexByte(line, '\n')
			if end >= 0 {
				line = line[:end]
				l.pos += end + 1
			} else {
				l.pos = len(l.src)
			}
			if h.tabs {
				line = strings.TrimLeft(line, "\t")
			}
			if strings.TrimRight(line, "\r") == h.delim {
				break
			}
			body.WriteString(line + "\n")
		}
		if h.cmd < len(l.cmds) {
			l.cmds[h.cmd].stdin = body.String()
		}
	}
	l.heredocs = nil
}
