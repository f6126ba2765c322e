package request

import (
	"net/http"
	"net/url"
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
	secrets    []string
	authHeader string // header that carries a key, if any
	authQuery  string // query or body field that carries a key, if any
}

// NewMasker returns a masker for the target's credentials.
func NewMasker(t core.Target) Masker {
	m := Masker{secrets: t.SecretValues()}
	switch t.Auth.Kind {
	case core.AuthHeader:
		m.authHeader = t.Auth.Name
	case core.AuthQuery, core.AuthParam:
		m.authQuery = t.Auth.Name
	}
	return m
}

// String masks every secret in s, raw or URL-encoded.
func (m Masker) String(s string) string {
	for _, sec := range m.secrets {
		if len(sec) < 3 {
			continue
		}
		for _, form := range []string{sec, url.QueryEscape(sec), url.PathEscape(sec)} {
			s = strings.ReplaceAll(s, form, Mask)
		}
	}
	return s
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
