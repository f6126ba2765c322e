package shape

import (
	"regexp"
	"strings"

	"github.com/affdesk/affdesk/backend/core"
)

// ImpactHost is impact.com's API host.
const ImpactHost = "api.impact.com"

// impactAccount matches the account part of an impact.com path, which an
// impact connection's base URL already holds: /Advertisers/{AccountSID}.
var impactAccount = regexp.MustCompile(`(?i)^/(Advertisers|Mediapartners|Agencies)/\{([^}/]+)\}`)

// HostPlatform returns the platform whose API lives on host: impact for
// api.impact.com, everflow for the Everflow hosts, else custom.
func HostPlatform(host string) core.Platform {
	switch strings.ToLower(host) {
	case ImpactHost:
		return core.PlatformImpact
	case "api.eflow.team", "api-eu.eflow.team":
		return core.PlatformEverflow
	}
	return core.PlatformCustom
}

// ImpactAccountType returns the impact.com account type most paths start
// with, spelled as the connection's account_type setting; "Advertisers"
// when none does.
func ImpactAccountType(paths []string) string {
	counts := map[string]int{}
	best := "Advertisers"
	for _, p := range paths {
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

// StripImpactAccount takes the /Type/{SID} start off an impact.com path,
// which the connection adds, and returns the rest with the SID
// placeholder's name. ok is false when the path does not start with the
// given account type.
func StripImpactAccount(path, account string) (rest, placeholder string, ok bool) {
	m := impactAccount.FindStringSubmatch(path)
	if m == nil || canonicalAccount(m[1]) != account {
		return path, "", false
	}
	rest = path[len(m[0]):]
	if rest == "" {
		rest = "/"
	}
	return rest, m[2], true
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
