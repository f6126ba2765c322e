package core

import (
	"regexp"
	"strings"
)

// schemeLike matches a URL scheme such as "http:" or "javascript:" at the
// start of a path segment.
var schemeLike = regexp.MustCompile(`(?i)(^|/)(https?|ftp|wss?|file|data|javascript|mailto|gopher):`)

// checkPathHost refuses an endpoint path that could change the host the
// request goes to: a scheme ("http:"), an authority ("//host") or user
// information ("user@host") anywhere in it, or a backslash, which some
// servers read as '/'. A path is only ever added after the connection's
// URL.
func checkPathHost(path string) error {
	switch {
	case strings.Contains(path, "//") || schemeLike.MatchString(path):
		return FieldError("path", "Endpoint path is relative to the connection's URL: leave out the scheme, host and any '//'.")
	case strings.Contains(path, "@"):
		return FieldError("path", "Endpoint path must not contain '@': it could send the request to another host.")
	case strings.Contains(path, `\`):
		return FieldError("path", "Endpoint path must not contain '\\': use '/'.")
	}
	return nil
}
