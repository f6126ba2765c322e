package service

import (
	"fmt"
	"log"
	"strings"

	"github.com/affdesk/affdesk/backend/core"
)

// moveWebhookSecrets takes every literal credential header value out of
// a's Send Webhook steps into the secret store (moveWebhookSecretsTo). It
// returns the keys it wrote, to drop if saving fails; on error it has
// dropped them itself.
func (s *Services) moveWebhookSecrets(a *core.Automation, old *core.Automation) ([]string, error) {
	written, err := moveWebhookSecretsTo(a, old, s.Secrets.SetSecret)
	if err != nil {
		s.dropSecretKeys(written)
		return nil, err
	}
	return written, nil
}

// moveWebhookSecretsTo is the one move of webhook secrets, whichever door
// an automation comes through (saving, an import, opening a data file
// written before the secret store): every literal credential header
// value of a's Send Webhook steps, and its webhook trigger's shared
// secret (moveHookSecretTo), is handed to put under a new key and
// replaced by a reference to it. An empty value, or one showing a mask,
// keeps what the stored automation (old, nil for a new one) held for
// that step and header. A value filled from a {variable} is left alone. A
// reference a does not own (one old does not hold) is refused, so no
// record can borrow another's secret. It returns the keys handed to put,
// also when it fails.
func moveWebhookSecretsTo(a, old *core.Automation, put func(key, value string) error) ([]string, error) {
	owned := map[string]bool{}
	if old != nil {
		owned = webhookRefs(old)
	}
	var written []string
	key, firstErr := moveHookSecretTo(a, old, owned, put)
	if key != "" {
		written = append(written, key)
	}
	core.Walk(a.Steps, func(st *core.Step, _ []*core.Step) {
		if firstErr != nil || st.Webhook == nil {
			return
		}
		for i := range st.Webhook.Headers {
			key, err := moveHeaderSecret(st, i, old, owned, put)
			if err != nil {
				firstErr = err
				return
			}
			if key != "" {
				written = append(written, key)
			}
		}
	})
	return written, firstErr
}

// moveHeaderSecret handles one header; it returns the key it wrote, if any.
func moveHeaderSecret(st *core.Step, i int, old *core.Automation, owned map[string]bool, put func(key, value string) error) (string, error) {
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
	if val == "" || strings.Contains(val, secretMask) {
		prev := oldValue(old, st.ID, h.Name)
		if _, _, isRef := SecretRef(prev); isRef || prev == "" {
			h.Value = prev
			return "", nil
		}
		val = prev // a literal the stored automation held: moved now
	}
	if filledAtRun(val) {
		h.Value = val
		return "", nil
	}
	key, ref, err := storeSecretRef(val, put)
	if err != nil {
		return "", err
	}
	h.Value = ref
	return key, nil
}

// filledAtRun reports whether a header value names a {variable}: it is
// filled at run time, so it is not a stored secret.
func filledAtRun(v string) bool { return len(core.FindVars(v)) > 0 }

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
	s.revealHookSecret(a)
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
// headers and webhook trigger (whose token it empties too), and any
// literal credential value left (literalSecret): what an
// export carries instead (the secret is entered again after import). It
// reports the headers it emptied as "step: header".
func StripWebhookSecrets(a *core.Automation) []string {
	out := stripHook(a)
	mapWebhookHeaders(a, func(st *core.Step, h *core.Header) {
		if _, _, ok := SecretRef(h.Value); ok || literalSecret(*h) {
			h.Value = ""
			out = append(out, st.Label()+": "+h.Name)
		}
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
	s.reloadSchedules()
	if err := s.DB.DeleteSlots(id); err != nil {
		log.Printf("delete the schedule records of automation %d: %v", id, err)
	}
	s.dropUnusedWebhookSecrets(&core.Automation{}, &a)
	s.refreshHooks()
	return nil
}
