package pick

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// ojgReason matches the parser's messages: "<reason> at <pos> in <path>".
var ojgReason = regexp.MustCompile(`^(.*) at (\d+) in `)

// explain words a parser failure (an error, or a recovered panic) for
// the user, naming the character where the path breaks. The parser's own
// words and internal failures (index out of range and the like) never show.
func explain(path string, failure any) string {
	m := ojgReason.FindStringSubmatch(fmt.Sprint(failure))
	if m == nil {
		return unclosedOr(path, fmt.Sprintf("%q is not a JSONPath: check its brackets and quotes.", path))
	}
	pos, _ := strconv.Atoi(m[2])
	reason := m[1]
	if q := openQuote(path); q != 0 {
		return fmt.Sprintf("%q has a text value whose quote (%c) is not closed.", path, q)
	}
	switch {
	case strings.HasPrefix(reason, "'' is not a value"):
		return fmt.Sprintf("The filter in %q has no condition before character %d: write one such as @.field==value.", path, pos)
	case strings.Contains(reason, "not terminated"):
		return unclosedOr(path, fmt.Sprintf("%q ends too early: something opened before character %d is not closed.", path, pos))
	case reason == "expected a number":
		return fmt.Sprintf("%q needs a number at character %d (an array index such as [0]).", path, pos)
	case reason == "invalid bracket fragment":
		return fmt.Sprintf("The brackets at character %d of %q are not valid: write ['name'], [0], [*], [1:3] or [?(@.field==value)].", pos, path)
	case reason == "invalid slice syntax":
		return fmt.Sprintf("The range at character %d of %q is not valid: write [start:end] or [start:end:step].", pos, path)
	case reason == "invalid union syntax":
		return fmt.Sprintf("The list at character %d of %q is not valid: write ['a','b'] or [0,2].", pos, path)
	case strings.HasPrefix(reason, "an expression fragment can not start"):
		return fmt.Sprintf("Character %d of %q cannot start a step: after $ write .name or [...].", pos, path)
	case strings.HasSuffix(reason, "is not a valid operation"):
		return fmt.Sprintf("The filter in %q has %s at character %d, which is not an operator: use ==, !=, <, <=, >, >=, &&, || or =~.", path, quoted(reason), pos)
	case strings.HasSuffix(reason, "is not a value or function"):
		return fmt.Sprintf("The filter in %q has %s at character %d, which is not a value: quote text ('like this'), or use a number, true, false, null or @.field.", path, quoted(reason), pos)
	}
	return unclosedOr(path, fmt.Sprintf("%q is not a JSONPath: it breaks at character %d.", path, pos))
}

// quoted returns the leading 'x' of a parser reason.
func quoted(reason string) string {
	if i := strings.LastIndex(reason, "' "); strings.HasPrefix(reason, "'") && i > 0 {
		return reason[:i+1]
	}
	return "a character"
}

// unclosedOr names the first bracket or parenthesis left open (outside
// quotes) and what to add, or returns fallback when all are closed.
func unclosedOr(path, fallback string) string {
	var open []int
	var quote byte
	for i := 0; i < len(path); i++ {
		c := path[i]
		switch {
		case quote != 0:
			if c == '\\' {
				i++
			} else if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '[' || c == '(':
			open = append(open, i)
		case (c == ']' || c == ')') && len(open) > 0:
			open = open[:len(open)-1]
		}
	}
	if quote != 0 {
		return fmt.Sprintf("%q has a text value whose quote (%c) is not closed.", path, quote)
	}
	if len(open) == 0 {
		return fallback
	}
	add := ""
	for i := len(open) - 1; i >= 0; i-- {
		add += map[byte]string{'[': "]", '(': ")"}[path[open[i]]]
	}
	for _, i := range open {
		if strings.HasPrefix(path[i:], "[?") {
			return fmt.Sprintf("The filter that starts at character %d of %q is not closed: add '%s'.", i+1, path, add)
		}
	}
	return fmt.Sprintf("The bracket that starts at character %d of %q is not closed: add '%s'.", open[0]+1, path, add)
}

// openQuote returns the quote left open at the end of path, or 0.
func openQuote(path string) byte {
	var quote byte
	for i := 0; i < len(path); i++ {
		switch c := path[i]; {
		case quote != 0 && c == '\\':
			i++
		case quote != 0 && c == quote:
			quote = 0
		case quote == 0 && (c == '\'' || c == '"'):
			quote = c
		}
	}
	return quote
}
