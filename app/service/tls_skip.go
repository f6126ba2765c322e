package service

import (
	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/tracker"
)

// ConnectionsSkippingTLS returns the names of the given connections that
// skip TLS certificate checks, in order: for an import report to warn about.
func ConnectionsSkippingTLS(conns []core.Connection) []string {
	var out []string
	for _, c := range conns {
		if tracker.SkipsTLS(c) {
			out = append(out, c.Name)
		}
	}
	return out
}
