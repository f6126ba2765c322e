package service

import (
	"net"
	"net/url"
	"strings"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/importer"
	"github.com/affdesk/affdesk/backend/tracker"
)

// chooseConnection prefers a stored connection on the source's host: its
// scheme and host match, it can run templates of the proposed platform,
// and its base URL's path starts every picked request's path (the
// longest such wins). The picked templates' paths are then made relative
// to it. A stored connection keeps its own credentials: the source's are
// not stored, which a warning says.
func (s *Services) chooseConnection(j *sourceJob) error {
	proposed, err := url.Parse(baseURLOf(j.res.Connection, ""))
	if err != nil || proposed.Host == "" {
		return nil
	}
	conns, err := s.DB.ListConnections()
	if err != nil {
		return err
	}
	full := fullPaths(j.picked, proposed)
	best, bestBase := -1, ""
	for i, c := range conns {
		base, ok := s.storedBase(c, proposed)
		if ok && tracker.CheckDialect(c, j.res.Connection.Platform) == nil && allUnder(full, base) && (best < 0 || len(base) > len(bestBase)) {
			best, bestBase = i, base
		}
	}
	if best < 0 {
		return nil
	}
	c := conns[best]
	j.stored = &c
	for i := range j.picked {
		j.picked[i].Template.Path = "/" + strings.TrimPrefix(strings.TrimPrefix(full[i], bestBase), "/")
	}
	if len(j.res.Secrets) > 0 {
		j.warnings = append(j.warnings, "The credentials in the source were not stored: the templates use connection \""+c.Name+"\", which keeps its own.")
	}
	return nil
}

// storedBase returns the path of c's base URL when c calls the same
// scheme and host as proposed. A Demo connection is asked only for a
// loopback host, so its tracker starts only when it could match.
func (s *Services) storedBase(c core.Connection, proposed *url.URL) (string, bool) {
	demo := ""
	if c.Platform == core.PlatformDemo {
		if ip := net.ParseIP(proposed.Hostname()); ip == nil || !ip.IsLoopback() {
			return "", false
		}
		u, err := s.DemoURL()
		if err != nil {
			return "", false
		}
		demo = u
	}
	u, err := url.Parse(baseURLOf(c, demo))
	if err != nil || !strings.EqualFold(u.Scheme, proposed.Scheme) || !strings.EqualFold(u.Host, proposed.Host) {
		return "", false
	}
	return trimSlash(u.EscapedPath()), true
}

// fullPaths returns each picked request's path from the host's root.
func fullPaths(picked []importer.Candidate, proposed *url.URL) []string {
	out := make([]string, len(picked))
	for i, c := range picked {
		out[i] = trimSlash(proposed.EscapedPath()) + c.Template.Path
	}
	return out
}

// allUnder reports whether every path lies under base, segment-wise.
func allUnder(paths []string, base string) bool {
	for _, p := range paths {
		if base != "" && p != base && !strings.HasPrefix(p, base+"/") {
			return false
		}
	}
	return true
}

func trimSlash(s string) string { return strings.TrimRight(s, "/") }
