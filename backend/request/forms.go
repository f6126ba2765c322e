package request

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"html"
	"net/url"
	"sort"
	"strings"
)

// minSecret is the shortest secret masked: shorter ones would mask data.
const minSecret = 3

// secretForms lists every form in which a secret may show up in a URL, a
// body, a header or a tracker's echo of it: as is, URL query- and
// path-escaped, JSON-escaped (with and without HTML escaping, and with
// PHP's escaped '/'), HTML/XML-escaped, and base64 (standard and URL
// alphabets, padded and raw). pairs are "user:password" strings, masked
// only in base64 (a Basic Authorization header); the parts are secrets
// of their own. The list is longest first, so no shorter form breaks a
// longer one before it is replaced.
func secretForms(secrets, pairs []string) []string {
	seen := map[string]bool{}
	var out []string
	add := func(f string) {
		if len(f) >= minSecret && !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	for _, s := range secrets {
		if len(s) < minSecret {
			continue
		}
		for _, f := range textForms(s) {
			add(f)
		}
		for _, f := range base64Forms(s) {
			add(f)
		}
	}
	for _, p := range pairs {
		for _, f := range base64Forms(p) {
			add(f)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out
}

// xmlQuoting escapes text as XML does inside a quoted attribute. Built
// once: a replacer costs about 40 KB to build, more than a whole request.
var xmlQuoting = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&apos;")

func textForms(s string) []string {
	plain, htmlSafe := jsonInner(s, false), jsonInner(s, true)
	xmlQuot := xmlQuoting.Replace(s)
	return []string{
		s, url.QueryEscape(s), url.PathEscape(s),
		plain, htmlSafe, strings.ReplaceAll(plain, "/", `\/`), strings.ReplaceAll(htmlSafe, "/", `\/`),
		html.EscapeString(s), xmlQuot,
	}
}

// jsonInner returns s as it appears between the quotes of a JSON string.
func jsonInner(s string, escapeHTML bool) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(escapeHTML)
	_ = enc.Encode(s)
	out := strings.TrimSpace(buf.String())
	return strings.TrimSuffix(strings.TrimPrefix(out, `"`), `"`)
}

func base64Forms(s string) []string {
	b := []byte(s)
	return []string{
		base64.StdEncoding.EncodeToString(b), base64.URLEncoding.EncodeToString(b),
		base64.RawStdEncoding.EncodeToString(b), base64.RawURLEncoding.EncodeToString(b),
	}
}
