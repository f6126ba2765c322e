package curl

import (
	"path"
	"strings"

	"github.com/affdesk/affdesk/backend/core"
)

// ParseCommand reads the first curl command of src (shell syntax: quotes,
// escapes, line continuations, comments, here-documents) into the request
// curl would send. Everything it cannot take is named in Warnings. It
// returns EINVALID when src is too long, holds no curl command, or names
// no URL.
func ParseCommand(src string) (Parsed, error) {
	if len(src) > maxInput {
		return Parsed{}, core.FieldError("curl", "The command is longer than %d KiB: paste one curl command.", maxInput>>10)
	}
	cmds := lex(src)
	at, args := findCurl(cmds)
	if at < 0 {
		return Parsed{}, core.FieldError("curl", "No curl command found: paste a command that starts with curl.")
	}
	s := &state{cmd: cmds[at]}
	if others := len(cmds) - 1; others > 0 {
		s.warn("The text holds %d more command(s) besides the curl command: only the first curl command was imported.", others)
	}
	s.readArgs(args)
	if err := s.finish(); err != nil {
		return Parsed{}, err
	}
	return s.p, nil
}

// findCurl returns the index of the first command that runs curl and the
// words after "curl"; -1 when none does.
func findCurl(cmds []command) (int, []word) {
	for i, c := range cmds {
		for k, w := range c.words {
			if isCurl(w.text) {
				return i, c.words[k+1:]
			}
			if !isPrefixWord(w.text) {
				break
			}
		}
	}
	return -1, nil
}

func isCurl(s string) bool {
	base := strings.ToLower(path.Base(strings.ReplaceAll(s, `\`, "/")))
	return base == "curl" || base == "curl.exe"
}

// isPrefixWord reports whether a word may come before the program name:
// an environment assignment or a wrapper such as sudo or time.
func isPrefixWord(s string) bool {
	if name, _, ok := strings.Cut(s, "="); ok && name != "" && !strings.ContainsAny(name, "-/:") {
		return true
	}
	switch s {
	case "sudo", "time", "exec", "command", "env", "$", ">":
		return true
	}
	return false
}
