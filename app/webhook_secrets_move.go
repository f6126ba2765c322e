package app

import (
	"fmt"
	"strings"

	"github.com/affdesk/affdesk/backend/core"
)

// moveWebhookSecrets takes every literal credential header value out of
// a's Send Webhook steps into the secret store, leaving a reference in its
// place. An empty value keeps the secret the stored automation (old, nil
// for a new one) held for that step and header. A reference a does not own
// (one old does not hold) is refused, so no record can borrow another's
// secret. It returns the keys it wrote, to drop if saving fails.
func (s *Services) moveWebhookSecrets(a *core.Automation, old *core.Automation) ([]string, error) {
	owned := map[string]bool{}
	if old != nil {
		owned = webhookRefs(old)
	}
	var written []string
	var firstErr error
	core.Walk(a.Steps, func(st *core.Step, _ []*core.Step) {
		if firstErr != nil || st.Webhook == nil {
			return
		}
		for i := range st.Webhook.Headers {
			key, err := s.moveHeaderSecret(st, i, old, owned)
			if err != nil {
				firstErr = err
				return
			}
			if key != "" {
				written = append(written, key)
			}
		}
	})
	if firstErr != nil {
		s.dropSecretKeys(written)
		return nil, firstErr
	}
	return written, nil
}

// moveHeaderSecret handles one header; it returns the key it wrote, if any.
func (s *Services) moveHeaderSecret(st *core.Step, i int, old *core.Automation, owned map[string]bool) (string, error) {
	h := &st.Webhook.Headers[i]
	if !CredentialHeader(h.Name) {
		return "", nil
	}
	if key, _, ok := SecretRef(h.Value); ok {
		if !owned[key] {
			return "", core.FieldError(fmt.Sprintf("steps.%s.webhook.headers[%d].value", st.ID, i),
				"The %s header of step “%s” refers to a secret this automation does not hold: enter the value again.", h.Name, st.Label())
		}
		return "", nil
	}
	val := strings.TrimSpace(h.Value)
	if val == "" {
		h.Value = oldRef(old, st.ID, h.Name)
		return "", nil
	}
	if strings.Contains(val, "{") {
		return "", nil // filled from a variable at run time: not a stored secret
	}
	key, ref, err := newSecretRef(val)
	if err != nil {
		return "", err
	}
	if err := s.Secrets.SetSecret(key, val); err != nil {
		return "", err
	}
	h.Value = ref
	return key, nil
}

// dropSecretKeys deletes secrets by key, ignoring failures (best effort
// clean-up of entries nothing refers to).
func (s *Services) dropSecretKeys(keys []string) {
	for _, k := range keys {
		_ = s.Secrets.DeleteSecret(k)
	}
}

// dropUnusedWebhookSecrets deletes the secrets old held that a no longer does.
func (s *Services) dropUnusedWebhookSecrets(a, old *core.Automation) {
	if old == nil {
		return
	}
	now := webhookRefs(a)
	for key := range webhookRefs(old) {
		if !now[key] {
			_ = s.Secrets.DeleteSecret(key)
		}
	}
}

// revealWebhookSecrets replaces each reference in a by the secret itself,
// so a copy (Duplicate) stores its own entries. A missing secret leaves the
// value empty, to be entered again.
func (s *Services) revealWebhookSecrets(a *core.Automation) {
	core.Walk(a.Steps, func(st *core.Step, _ []*core.Step) {
		if st.Webhook == nil {
			return
		}
		hs := append([]core.Header(nil), st.Webhook.Headers...)
		for i := range hs {
			if key, _, ok := SecretRef(hs[i].Value); ok {
				hs[i].Value, _ = s.Secrets.GetSecret(key)
			}
		}
		w := *st.Webhook
		w.Headers = hs
		st.Webhook = &w
	})
}

// StripWebhookSecrets empties every secret reference in a's webhook
// headers: what an export carries instead (the secret is entered again
// after import). It reports the headers it emptied as "step: header".
func StripWebhookSecrets(a *core.Automation) []string {
	var out []string
	core.Walk(a.Steps, func(st *core.Step, _ []*core.Step) {
		if st.Webhook == nil {
			return
		}
		hs := append([]core.Header(nil), st.Webhook.Headers...)
		for i := range hs {
			if _, _, ok := SecretRef(hs[i].Value); ok {
				hs[i].Value = ""
				out = append(out, st.Label()+": "+hs[i].Name)
			}
		}
		w := *st.Webhook
		w.Headers = hs
		st.Webhook = &w
	})
	return out
}

// DeleteAutomation deletes an automation and the webhook secrets it held.
func (s *Services) DeleteAutomation(id uint64) error {
	a, err := s.DB.GetAutomation(id)
	if err != nil {
		return err
	}
	if err := s.DB.DeleteAutomation(id); err != nil {
		return err
	}
	s.dropUnusedWebhookSecrets(&core.Automation{}, &a)
	return nil
}
