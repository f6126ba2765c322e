package curl

import (
	"net/url"
	"sort"
	"strings"
)

// takeURLCredential moves user:password@ out of the URL into a Basic
// credential.
func (b *builder) takeURLCredential() {
	if b.u.User == nil {
		return
	}
	pass, _ := b.u.User.Password()
	b.setCredential(credential{mode: "basic", user: b.u.User.Username(), password: pass}, "the URL's user")
	b.u.User = nil
}

// takeUserCredential takes -u as a Basic credential.
func (b *builder) takeUserCredential() {
	if b.p.HasUser {
		b.setCredential(credential{mode: "basic", user: b.p.User, password: b.p.Password}, "-u")
	}
}

// setCredential keeps the first credential found; a later one is named in
// a warning (without its value) and left out.
func (b *builder) setCredential(c credential, where string) {
	if b.cred != nil {
		b.warn("A second credential (%s) was left out: a connection holds one. Add it by hand if the API needs both.", where)
		return
	}
	b.cred = &c
}

// takeHeaderCredentials moves credential headers out of headers and
// returns the rest.
func (b *builder) takeHeaderCredentials(headers [][2]string) [][2]string {
	var rest [][2]string
	for _, h := range headers {
		switch {
		case strings.EqualFold(h[0], "Authorization"):
			b.setCredential(authorization(h[1]), "header "+h[0])
		case isKeyHeader(h[0]):
			b.setCredential(credential{mode: "header", name: h[0], value: h[1]}, "header "+h[0])
		default:
			rest = append(rest, h)
		}
	}
	return rest
}

// takeQueryCredentials splits the raw query into its pairs in order,
// moving credential keys out.
func (b *builder) takeQueryCredentials(raw string) [][2]string {
	var rest [][2]string
	for _, kv := range splitPairs(raw, b.warn) {
		if isKeyQuery(kv[0]) {
			b.setCredential(credential{mode: "query", name: kv[0], value: kv[1]}, "query key "+kv[0])
			continue
		}
		rest = append(rest, kv)
	}
	return rest
}

// splitPairs reads "a=1&b=2" into decoded pairs in order, keeping a piece
// that does not decode as written (warned).
func splitPairs(raw string, warn func(string, ...any)) [][2]string {
	var out [][2]string
	for _, piece := range strings.Split(raw, "&") {
		if piece == "" {
			continue
		}
		k, v, _ := strings.Cut(piece, "=")
		dk, err1 := url.QueryUnescape(k)
		dv, err2 := url.QueryUnescape(v)
		if err1 != nil || err2 != nil {
			warn("%q is not valid URL encoding: it was kept as written.", piece)
			dk, dv = k, v
		}
		out = append(out, [2]string{dk, dv})
	}
	return out
}

// checkCredentialUsed warns when a credential was found but the proposed
// connection does not take it.
func (b *builder) checkCredentialUsed(t target) {
	if b.cred != nil && len(t.secrets) == 0 {
		b.warn("The command's credential was not stored: a %s connection does not send it that way. Enter the connection's credentials by hand.", t.conn.Platform)
	}
}

// checkPlaceholders warns when the connection's settings or secrets are
// documentation placeholders such as <AccountSID> rather than real values.
func (b *builder) checkPlaceholders(t target) {
	var names []string
	for k, v := range t.conn.Settings {
		if looksLikePlaceholder(v) {
			names = append(names, k)
		}
	}
	for k, v := range t.secrets {
		if looksLikePlaceholder(v) {
			names = append(names, k)
		}
	}
	if len(names) > 0 {
		sort.Strings(names)
		b.warn("The connection's %s look like placeholders (<…>): enter the real values in the connection.", strings.Join(names, ", "))
	}
}

func looksLikePlaceholder(v string) bool {
	v = strings.TrimSpace(v)
	return len(v) > 2 && (strings.HasPrefix(v, "<") && strings.HasSuffix(v, ">") || strings.HasPrefix(v, "{") && strings.HasSuffix(v, "}"))
}
