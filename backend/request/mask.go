package request

import (
	"bytes"
	"net/http"
	"sort"
	"strings"

	"github.com/affdesk/affdesk/backend/core"
)

// Mask replaces secrets in recorded text.
const Mask = "••••"

// Record is a request as it went out, with every secret masked: safe to
// show, log and store.
type Record struct {
	Method  string   `json:"method"`
	URL     string   `json:"url"`
	Headers []Header `json:"headers"`
	Body    string   `json:"body"`
}

// Header is one header line.
type Header struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// Masker hides a target's secrets in anything recorded about a request.
type Masker struct {
	forms      []string // every encoded form of every secret, longest first
	authHeader string   // header that carries a key, if any
	authQuery  string   // query or body field that carries a key, if any
}

// NewMasker returns a masker for the target's credentials.
func NewMasker(t core.Target) Masker {
	secrets := t.SecretValues()
	var basic []string
	if t.Auth.Kind == core.AuthBasic && (t.Auth.User != "" || t.Auth.Password != "") {
		basic = []string{t.Auth.User + ":" + t.Auth.Password}
	}
	m := Masker{forms: secretForms(secrets, basic)}
	switch t.Auth.Kind {
	case core.AuthHeader:
		m.authHeader = t.Auth.Name
	case core.AuthQuery, core.AuthParam:
		m.authQuery = t.Auth.Name
	}
	return m
}

// String masks every secret in s, in every form listed by secretForms.
func (m Masker) String(s string) string {
	for _, form := range m.forms {
		if strings.Contains(s, form) {
			s = strings.ReplaceAll(s, form, Mask)
		}
	}
	return s
}

// Bytes masks every secret in b; b itself is returned when it holds none.
func (m Masker) Bytes(b []byte) []byte {
	out := b
	for _, form := range m.forms {
		if bytes.Contains(out, []byte(form)) {
			out = bytes.ReplaceAll(out, []byte(form), []byte(Mask))
		}
	}
	return out
}

// Header returns a copy of h with every secret masked in its values.
func (m Masker) Header(h http.Header) http.Header {
	if h == nil {
		return nil
	}
	out := make(http.Header, len(h))
	for k, vs := range h {
		for _, v := range vs {
			out[k] = append(out[k], m.String(v))
		}
	}
	return out
}

// Record describes b with secrets masked.
func (m Masker) Record(b *Built) Record {
	u := *b.Req.URL
	if m.authQuery != "" {
		q := u.Query()
		if q.Has(m.authQuery) {
			q.Set(m.authQuery, Mask)
			u.RawQuery = q.Encode()
		}
	}
	return Record{
		Method:  b.Req.Method,
		URL:     m.String(u.String()),
		Headers: m.headers(b.Req.Header),
		Body:    m.String(string(b.Body)),
	}
}

func (m Masker) headers(h http.Header) []Header {
	names := make([]string, 0, len(h))
	for k := range h {
		names = append(names, k)
	}
	sort.Strings(names)
	var out []Header
	for _, k := range names {
		for _, v := range h[k] {
			if strings.EqualFold(k, "Authorization") {
				scheme, _, _ := strings.Cut(v, " ")
				v = scheme + " " + Mask
			} else if m.authHeader != "" && strings.EqualFold(k, m.authHeader) {
				v = Mask
			}
			out = append(out, Header{Name: k, Value: m.String(v)})
		}
	}
	return out
}

// Headers lists response headers in name order, masked.
func (m Masker) Headers(h http.Header) []Header { return m.headers(h) }
