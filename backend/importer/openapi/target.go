package openapi

import (
	"net/url"
	"regexp"
	"strings"

	"github.com/affdesk/affdesk/backend/core"
)

// ImpactHost and the Everflow hosts are the API hosts whose platform
// AffDesk knows; a document served from one of them imports onto that
// platform, whose connection supplies the host and credentials.
const (
	impactHost = "api.impact.com"
)

var everflowHosts = map[string]bool{"api.eflow.team": true, "api-eu.eflow.team": true}

// impactAccount matches the account part of an impact.com path, which an
// impact connection's base URL already holds: /Advertisers/{AccountSID}.
var impactAccount = regexp.MustCompile(`(?i)^/(Advertisers|Mediapartners|Agencies)/\{([^}/]+)\}`)

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

// impactAccountType returns the account type most paths start with,
// spelled as an impact connection's setting, or "" when none does.
func (r *reader) impactAccountType() string {
	counts := map[string]int{}
	best := ""
	for _, p := range r.doc.Paths.InMatchingOrder() {
		if m := impactAccount.FindStringSubmatch(p); m != nil {
			kind := canonicalAccount(m[1])
			counts[kind]++
			if counts[kind] > counts[best] {
				best = kind
			}
		}
	}
	return best
}

func canonicalAccount(s string) string {
	switch strings.ToLower(s) {
	case "mediapartners":
		return "Mediapartners"
	case "agencies":
		return "Agencies"
	}
	return "Advertisers"
}
