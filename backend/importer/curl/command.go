package curl

import "strings"

// Command writes r as a cURL command, one option per line joined with
// " \" continuations. Every value is single-quoted, so no shell expands
// anything in it; the body goes in --data-raw, which reads no file.
// -X is left out for GET.
func Command(r Request) string {
	lines := []string{"curl " + quote(r.URL)}
	if r.Method != "" && r.Method != "GET" {
		lines = append(lines, "-X "+quote(r.Method))
	}
	for _, h := range r.Headers {
		lines = append(lines, "-H "+quote(h[0]+": "+h[1]))
	}
	if r.Body != "" {
		lines = append(lines, "--data-raw "+quote(r.Body))
	}
	return strings.Join(lines, " \\\n  ")
}

// quote single-quotes s for a POSIX shell: a single quote inside becomes
// '\” (close, escaped quote, reopen).
func quote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
