package curl

import (
	"strings"
	"time"

	"github.com/affdesk/affdesk/backend/core"
)

// noiseHeaders are headers a template does not carry because AffDesk or
// Go's HTTP client sets them itself: the content type (from the body
// encoding), User-Agent (AffDesk's own), Content-Length, Host,
// Accept-Encoding and Connection.
var noiseHeaders = []string{"Content-Type", "User-Agent", "Content-Length", "Host", "Accept-Encoding", "Connection"}

// queryParams adds a query parameter per key, with the literal value as
// its default; a repeated key becomes one array parameter.
func (b *builder) queryParams(pairs [][2]string) {
	for _, g := range groupPairs(pairs) {
		b.addParam(core.InQuery, g.name, g.values)
	}
}

// addParam adds a string parameter, or an array one for several values.
func (b *builder) addParam(in core.ParamIn, name string, values []string) {
	p := core.Param{Name: name, In: in, Type: inferType(values[0]), Default: values[0]}
	if len(values) > 1 {
		p.Type, p.Default = core.TypeArray, strings.Join(values, ", ")
		for _, v := range values {
			if strings.ContainsAny(v, ",\n") {
				b.warn("%s parameter %q repeats with a value holding a comma: only its first value %q was kept.", in, name, values[0])
				p.Type, p.Default = core.TypeString, values[0]
				break
			}
		}
	}
	b.appendParam(p)
}

// appendParam adds p unless its name is unusable or already taken in its
// place; either is warned.
func (b *builder) appendParam(p core.Param) {
	for _, q := range b.tpl.Params {
		if q.In == p.In && q.Name == p.Name {
			b.warn("%s parameter %q appears twice: the second (%q) was left out.", p.In, p.Name, p.Default)
			return
		}
	}
	if err := p.Validate(len(b.tpl.Params)); err != nil {
		b.warn("%s parameter %q was left out: %s", p.In, p.Name, core.ErrorMessage(err))
		return
	}
	b.tpl.Params = append(b.tpl.Params, p)
}

type group struct {
	name   string
	values []string
}

func groupPairs(pairs [][2]string) []group {
	var out []group
	at := map[string]int{}
	for _, kv := range pairs {
		if i, ok := at[kv[0]]; ok {
			out[i].values = append(out[i].values, kv[1])
			continue
		}
		at[kv[0]] = len(out)
		out = append(out, group{name: kv[0], values: []string{kv[1]}})
	}
	return out
}

// headerParams adds a header parameter per header but the noise ones and
// an Accept that asks for JSON (AffDesk asks for JSON itself). A Cookie
// header is added without its value, which may be a login session.
func (b *builder) headerParams(headers [][2]string) {
	for _, h := range headers {
		name := strings.TrimSpace(h[0])
		switch {
		case containsFold(noiseHeaders, name):
			b.noiseHeader(name, h[1])
		case strings.EqualFold(name, "Accept") && (strings.Contains(h[1], "json") || h[1] == "*/*"):
		case strings.EqualFold(name, "Cookie"):
			b.warn("The Cookie header's value was not kept, as it may hold a login session: enter it when the template runs.")
			b.appendParam(core.Param{Name: name, In: core.InHeader, Type: core.TypeString, Description: "Cookies sent with the request."})
		default:
			b.addParam(core.InHeader, name, []string{h[1]})
		}
	}
}

// noiseHeader warns about the noise headers whose value matters: a Host
// that differs from the URL's, and a content type a template cannot send.
func (b *builder) noiseHeader(name, value string) {
	switch {
	case strings.EqualFold(name, "Host") && !strings.EqualFold(value, b.u.Host):
		b.warn("The Host header %q was left out: requests go to the URL's host %q.", value, b.u.Host)
	case strings.EqualFold(name, "Content-Type") && !jsonOrForm(value) && !strings.HasPrefix(value, "multipart/"):
		b.warn("The body's type %q is not one a template sends (JSON or a form): the body was not taken.", value)
	}
}

func jsonOrForm(contentType string) bool {
	ct := strings.ToLower(contentType)
	return strings.Contains(ct, "json") || strings.Contains(ct, "x-www-form-urlencoded")
}

// inferType types a literal value: a date (2024-01-31) or a date and time
// with a zone (RFC 3339) as such, anything else as a string. Numbers stay
// strings in a query or form, where "007" and "7" differ.
func inferType(v string) core.ParamType {
	if _, err := time.Parse("2006-01-02", v); err == nil {
		return core.TypeDate
	}
	if _, err := time.Parse(time.RFC3339, v); err == nil {
		return core.TypeDateTime
	}
	return core.TypeString
}
