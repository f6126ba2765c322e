package openapi

import (
	"net/url"
	"strings"

	"github.com/affdesk/affdesk/backend/core"
)

// target says how operation paths become template paths on the
// connection the document imports to.
type target struct {
	platform core.Platform
	// prefix is the server's path, added before each operation path
	// when the platform's base URL is the bare host.
	prefix string
	// account is the impact.com account type ("Advertisers", …) whose
	// /Type/{SID} start is taken off each path; "" elsewhere.
	account string
}

// serverURL returns the server's URL with its variables set to their
// defaults, or nil when the document names no absolute server.
func (r *reader) serverURL() (*url.URL, string) {
	if len(r.doc.Servers) == 0 || r.doc.Servers[0] == nil {
		return nil, ""
	}
	s := r.doc.Servers[0]
	raw := s.URL
	for name, v := range s.Variables {
		if v != nil {
			raw = strings.ReplaceAll(raw, "{"+name+"}", v.Default)
		}
	}
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return nil, raw
	}
	u.RawQuery, u.Fragment, u.User = "", "", nil
	return u, raw
}
