package app

import (
	"strings"

	"github.com/affdesk/affdesk/backend/core"
)

// settingSkipTLS is the connection setting that turns certificate checks off.
const settingSkipTLS = "skip_tls_verify"

// SkipTLSPlatforms are the platforms whose editor offers skipping TLS
// checks (self-hosted trackers): no other connection may skip them.
var SkipTLSPlatforms = []core.Platform{core.PlatformBinom, core.PlatformCustom}

// SkipsTLS reports whether a connection skips TLS certificate checks.
func SkipsTLS(c core.Connection) bool { return c.Settings[settingSkipTLS] == "true" }

// checkSkipTLS keeps the setting to "true" or nothing, and refuses it on a
// platform whose editor does not offer it.
func checkSkipTLS(c *core.Connection) error {
	v := strings.TrimSpace(c.Settings[settingSkipTLS])
	if v != "true" {
		delete(c.Settings, settingSkipTLS)
		return nil
	}
	for _, p := range SkipTLSPlatforms {
		if c.Platform == p {
			return nil
		}
	}
	return core.FieldError("settings."+settingSkipTLS, "Connection %q cannot skip TLS certificate checks: only Binom and Custom REST connections (self-hosted trackers) may.", c.Name)
}

// ConnectionsSkippingTLS returns the names of the given connections that
// skip TLS certificate checks, in order: for an import report to warn about.
func ConnectionsSkippingTLS(conns []core.Connection) []string {
	var out []string
	for _, c := range conns {
		if SkipsTLS(c) {
			out = append(out, c.Name)
		}
	}
	return out
}
