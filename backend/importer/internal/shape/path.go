package shape

import (
	"regexp"
	"strings"
)

// schemeSegment matches a path segment that starts like a URL scheme,
// which a template path may not hold.
var schemeSegment = regexp.MustCompile(`(?i)(^|/)(https?|ftp|wss?|file|data|javascript|mailto|gopher):`)

// FixPath turns a source's path into one a template accepts: it starts
// with '/', holds no query or fragment, no '//', '@', '\' or spaces, and
// every `{name}` is a plain name. renamed maps each placeholder name that
// had to change to its new name; notes say what else changed.
func FixPath(p string) (fixed string, renamed map[string]string, notes []string) {
	p = strings.TrimSpace(p)
	if i := strings.IndexAny(p, "?#"); i >= 0 {
		notes = append(notes, "the query or fragment written in the path "+quote(p[i:])+" was left out")
		p = p[:i]
	}
	p, renamed = fixPlaceholders(p)
	p = strings.NewReplacer(" ", "%20", "\t", "%09", "@", "%40", `\`, "/", "\r", "", "\n", "").Replace(p)
	p = "/" + strings.TrimLeft(p, "/")
	for strings.Contains(p, "//") {
		p = strings.ReplaceAll(p, "//", "/")
	}
	p = schemeSegment.ReplaceAllStringFunc(p, func(s string) string { return strings.TrimSuffix(s, ":") + "%3A" })
	return p, renamed, notes
}

// fixPlaceholders rewrites each `{name}` with a plain name and
// percent-encodes braces that open or close no placeholder.
func fixPlaceholders(p string) (string, map[string]string) {
	renamed := map[string]string{}
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		switch c := p[i]; {
		case c == '{' && strings.IndexByte(p[i:], '}') > 1:
			end := i + strings.IndexByte(p[i:], '}')
			name := p[i+1 : end]
			plain := PlainName(name)
			if plain != name {
				renamed[name] = plain
			}
			b.WriteString("{" + plain + "}")
			i = end
		case c == '{':
			b.WriteString("%7B")
		case c == '}':
			b.WriteString("%7D")
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), renamed
}

func quote(s string) string { return "\"" + Clip(s, 60) + "\"" }
