package curl

import (
	"net/url"
	"strings"

	"github.com/affdesk/affdesk/backend/core"
)

// finish forms the request from the options read: method, URL with its
// query, body and the headers curl adds for them.
func (s *state) finish() error {
	if len(s.urls) == 0 {
		return core.FieldError("curl", "The curl command names no URL.")
	}
	for _, extra := range s.urls[1:] {
		s.warn("The command also calls %q: only the first URL was imported.", extra)
	}
	raw := s.urls[0]
	if !strings.Contains(raw, "://") {
		raw = "http://" + raw
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return core.FieldError("curl", "The URL %q is not one curl could call.", s.urls[0])
	}
	u.Fragment, u.RawFragment = "", ""
	query := append([]string{}, s.query...)
	hasBody := len(s.data) > 0
	if hasBody && s.forms > 0 {
		s.warn("The command gives both data (-d) and form fields (-F), which curl refuses together: the data was kept, the form fields left out.")
		s.p.Form, s.forms = nil, 0
	}
	if s.get && hasBody {
		query, hasBody = append(query, s.data...), false
	}
	u.RawQuery = joinQuery(u.RawQuery, query)
	s.p.URL = u.String()
	s.p.Method = s.methodName(hasBody)
	s.body(hasBody)
	if len(s.cookies) > 0 {
		s.addHeader("Cookie", strings.Join(s.cookies, "; "))
	}
	return nil
}

func joinQuery(raw string, more []string) string {
	parts := []string{}
	if raw != "" {
		parts = append(parts, raw)
	}
	for _, m := range more {
		if m != "" {
			parts = append(parts, m)
		}
	}
	return strings.Join(parts, "&")
}

// methodName is the method curl sends: -X's, else HEAD for -I, PUT for
// an upload, POST for a body or form, GET otherwise.
func (s *state) methodName(hasBody bool) string {
	switch {
	case s.method != "":
		return s.method
	case s.head:
		return "HEAD"
	case s.upload != "":
		return "PUT"
	case hasBody || s.forms > 0:
		return "POST"
	}
	return "GET"
}

// body joins the data pieces as curl does ('&' between them) and adds
// the content type curl would send with them.
func (s *state) body(hasBody bool) {
	if !hasBody {
		return
	}
	s.p.Body = strings.Join(s.data, "&")
	if s.jsonBody {
		if !s.hasHeader("Content-Type") {
			s.addHeader("Content-Type", "application/json")
		}
		if !s.hasHeader("Accept") {
			s.addHeader("Accept", "application/json")
		}
		return
	}
	if !s.hasHeader("Content-Type") {
		s.addHeader("Content-Type", "application/x-www-form-urlencoded")
	}
}
