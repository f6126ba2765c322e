package service

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"regexp"
	"strings"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/notify"
)

// CredentialHeader reports whether a header's name says it carries a
// credential (notify.CredentialHeader: Authorization, Cookie, or a name
// holding token, key, secret, signature or password, any case). Such
// values in Send Webhook steps are kept in the secret store, never in the
// automation record.
func CredentialHeader(name string) bool { return notify.CredentialHeader(name) }

// A webhook secret reference stands in an automation record for a header
// value kept in the secret store: "secret:webhook/<16 hex>#<mask>". The
// mask (bullets and at most the last four characters) is for display.
var secretRefPattern = regexp.MustCompile(`^secret:(webhook/[0-9a-f]{16})#(.*)$`)

// SecretRef splits a header value into its secret store key and display
// mask; ok is false when the value is not a reference.
func SecretRef(value string) (key, mask string, ok bool) {
	m := secretRefPattern.FindStringSubmatch(value)
	if m == nil {
		return "", "", false
	}
	return m[1], m[2], true
}

func newSecretRef(secret string) (key, ref string, err error) {
	b := make([]byte, 8)
	if _, err := rand.Read(b); err != nil {
		return "", "", fmt.Errorf("create a secret key: %w", err)
	}
	key = "webhook/" + hex.EncodeToString(b)
	return key, "secret:" + key + "#" + core.MaskSecret(secret), nil
}

// storeSecretRef puts secret under a new key with put and returns the key
// and the reference a record holds in its place.
func storeSecretRef(secret string, put func(key, value string) error) (key, ref string, err error) {
	if key, ref, err = newSecretRef(secret); err != nil {
		return "", "", err
	}
	if err := put(key, secret); err != nil {
		return "", "", err
	}
	return key, ref, nil
}

// webhookRefs returns the secret keys an automation's webhook steps and
// webhook trigger hold.
func webhookRefs(a *core.Automation) map[string]bool {
	out := map[string]bool{}
	hookRef(a, out)
	core.Walk(a.Steps, func(st *core.Step, _ []*core.Step) {
		if st.Webhook == nil {
			return
		}
		for _, h := range st.Webhook.Headers {
			if key, _, ok := SecretRef(h.Value); ok {
				out[key] = true
			}
		}
	})
	return out
}

// oldValue returns the value the stored automation held for a step's
// credential header (a reference or, if written before the secret store,
// a literal), if any.
func oldValue(old *core.Automation, stepID, header string) string {
	var val string
	if old == nil {
		return ""
	}
	core.Walk(old.Steps, func(st *core.Step, _ []*core.Step) {
		if st.ID != stepID || st.Webhook == nil {
			return
		}
		for _, h := range st.Webhook.Headers {
			if strings.EqualFold(h.Name, header) && CredentialHeader(h.Name) {
				val = strings.TrimSpace(h.Value)
			}
		}
	})
	return val
}
