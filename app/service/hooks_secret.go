package service

import (
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"strings"

	"github.com/affdesk/affdesk/backend/core"
)

// A webhook trigger's shared secret is kept like a Send Webhook step's
// credential header: the record holds a reference (SecretRef), the
// secret store the value. The functions below are the trigger's part of
// moving, revealing, stripping and showing those secrets.

// NewHookToken returns a new webhook trigger token: 43 URL-safe
// characters from 32 random bytes.
func NewHookToken() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("create a webhook token: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// moveHookSecretTo moves a's webhook trigger's literal shared secret to
// put, as moveHeaderSecret does for a header: an empty value or one
// showing a mask keeps what old held, a reference a does not own is
// refused. It returns the key it wrote, if any.
func moveHookSecretTo(a, old *core.Automation, owned map[string]bool, put func(key, value string) error) (string, error) {
	if a.Hook == nil {
		return "", nil
	}
	h := *a.Hook
	a.Hook = &h
	if key, _, ok := SecretRef(h.Secret); ok {
		if !owned[key] {
			return "", core.FieldError("hook.secret", "The webhook trigger's secret of “%s” refers to a secret this automation does not hold: enter the value again.", a.Name)
		}
		return "", nil
	}
	val := strings.TrimSpace(h.Secret)
	if val == "" || strings.Contains(val, secretMask) {
		h.Secret = oldHookSecret(old)
		return "", nil
	}
	key, ref, err := storeSecretRef(val, put)
	if err != nil {
		return "", err
	}
	h.Secret = ref
	return key, nil
}

// oldHookSecret returns the reference the stored automation held for its
// trigger's secret, or "".
func oldHookSecret(old *core.Automation) string {
	if old == nil || old.Hook == nil {
		return ""
	}
	if _, _, ok := SecretRef(old.Hook.Secret); ok {
		return old.Hook.Secret
	}
	return ""
}

// hookRef adds the trigger's secret key, if any, to refs.
func hookRef(a *core.Automation, refs map[string]bool) {
	if a.Hook == nil {
		return
	}
	if key, _, ok := SecretRef(a.Hook.Secret); ok {
		refs[key] = true
	}
}

// revealHookSecret puts the secret itself back in a copy of a's trigger
// (for Duplicate) and clears its token, so the copy gets its own URL.
func (s *Services) revealHookSecret(a *core.Automation) {
	if a.Hook == nil {
		return
	}
	h := *a.Hook
	if key, _, ok := SecretRef(h.Secret); ok {
		h.Secret, _ = s.Secrets.GetSecret(key)
	}
	h.Token = ""
	a.Hook = &h
}

// stripHook empties a's trigger secret and token for an export: the
// importing side gets a new token, and the secret is entered again. It
// reports what it emptied, as StripWebhookSecrets does.
func stripHook(a *core.Automation) []string {
	if a.Hook == nil {
		return nil
	}
	h := *a.Hook
	h.Token = ""
	a.Hook = &h
	if strings.TrimSpace(h.Secret) == "" {
		return nil
	}
	h.Secret = ""
	return []string{"webhook trigger: " + h.SecretHeader}
}

// settleHookToken gives an enabled trigger a token when it has none, or
// when another automation already holds its token (a copy, an import).
// A token is never typed: this is the only place that makes one.
func (s *Services) settleHookToken(a *core.Automation) error {
	if !a.HookEnabled() {
		return nil
	}
	taken, err := s.hookTokenTaken(a.Hook.Token, a.ID)
	if err != nil || (a.Hook.Token != "" && !taken) {
		return err
	}
	tok, err := NewHookToken()
	if err != nil {
		return err
	}
	h := *a.Hook
	h.Token = tok
	a.Hook = &h
	return nil
}

// hookTokenTaken reports whether an automation other than id holds token.
func (s *Services) hookTokenTaken(token string, id uint64) (bool, error) {
	if token == "" {
		return false, nil
	}
	all, err := s.DB.ListAutomations()
	if err != nil {
		return false, err
	}
	for _, o := range all {
		if o.ID != id && o.Hook != nil && o.Hook.Token == token {
			return true, nil
		}
	}
	return false, nil
}

// renewHookToken gives an imported automation's enabled trigger a new
// token, whatever the file held: a URL is never carried from one data
// file (or person) to another.
func renewHookToken(a *core.Automation) error {
	if a.Hook == nil {
		return nil
	}
	h := *a.Hook
	h.Token = ""
	if h.Enabled {
		tok, err := NewHookToken()
		if err != nil {
			return err
		}
		h.Token = tok
	}
	a.Hook = &h
	return nil
}
