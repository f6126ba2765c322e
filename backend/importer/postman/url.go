package postman

import (
	"strings"
)

// splitURL is a request URL taken apart: the base (scheme, host and
// port, as written, variables and all), the path segments and the query.
type splitURL struct {
	base  string
	path  []string
	query []keyValue
}

// split takes a request's URL apart, from its parts when the collection
// gives them, else from the raw text.
func split(u urlField) splitURL {
	if u.parsed && len(u.Host) > 0 {
		base := strings.Join(u.Host, ".")
		if u.Protocol != "" {
			base = u.Protocol + "://" + base
		}
		if u.Port != "" {
			base += ":" + u.Port
		}
		out := splitURL{base: base, path: u.Path, query: u.Query}
		if len(out.query) == 0 {
			out.query = rawQuery(u.Raw)
		}
		return out
	}
	return splitRaw(u.Raw, u.Query)
}

// splitRaw reads "scheme://host:port/a/b?x=1" or "{{base}}/a/b?x=1".
func splitRaw(raw string, query []keyValue) splitURL {
	raw = strings.TrimSpace(raw)
	if i := strings.IndexByte(raw, '#'); i >= 0 {
		raw = raw[:i]
	}
	rest, q, _ := strings.Cut(raw, "?")
	if len(query) == 0 {
		query = parseQuery(q)
	}
	scheme := ""
	if i := strings.Index(rest, "://"); i >= 0 {
		scheme, rest = rest[:i+3], rest[i+3:]
	}
	host, path, _ := strings.Cut(rest, "/")
	var segs []string
	if path != "" {
		segs = strings.Split(path, "/")
	}
	return splitURL{base: scheme + host, path: segs, query: query}
}

func rawQuery(raw string) []keyValue {
	_, q, ok := strings.Cut(raw, "?")
	if !ok {
		return nil
	}
	q, _, _ = strings.Cut(q, "#")
	return parseQuery(q)
}

// parseQuery splits "a=1&b={{x}}" without decoding, so variables stay.
func parseQuery(q string) []keyValue {
	var out []keyValue
	for _, pair := range strings.Split(q, "&") {
		if pair == "" {
			continue
		}
		k, v, _ := strings.Cut(pair, "=")
		out = append(out, keyValue{Key: k, Value: v})
	}
	return out
}
