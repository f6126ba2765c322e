package notify

import "strings"

// CredentialHeader reports whether a header's name says it carries a
// credential: Authorization, Cookie, or a name holding token, key, secret,
// signature or password (any case). Such headers never follow a webhook
// to another host.
func CredentialHeader(name string) bool {
	n := strings.ToLower(strings.TrimSpace(name))
	if n == "cookie" {
		return true
	}
	for _, part := range []string{"authorization", "token", "key", "secret", "signature", "password"} {
		if strings.Contains(n, part) {
			return true
		}
	}
	return false
}
