package service

import (
	"strings"

	"github.com/affdesk/affdesk/backend/core"
)

// literalSecret reports whether a header holds a credential written as
// is: a credential header whose value is neither a secret reference nor
// filled from a {variable}. Saving and opening move such values to the
// secret store; anything that shows automations hides those left.
func literalSecret(h core.Header) bool {
	if !CredentialHeader(h.Name) || strings.TrimSpace(h.Value) == "" || filledAtRun(h.Value) {
		return false
	}
	_, _, isRef := SecretRef(h.Value)
	return !isRef
}

// shownValue is how a record shows a credential value: the mask, after
// the scheme word ("Bearer ••••") when there is one.
func shownValue(v string) string {
	if scheme, _, ok := strings.Cut(strings.TrimSpace(v), " "); ok {
		return scheme + " " + secretMask
	}
	return secretMask
}

// mapWebhookHeaders replaces a's webhook header lists by copies changed
// by f, leaving the records a was copied from untouched.
func mapWebhookHeaders(a *core.Automation, f func(st *core.Step, h *core.Header)) {
	core.Walk(a.Steps, func(st *core.Step, _ []*core.Step) {
		if st.Webhook == nil {
			return
		}
		w := *st.Webhook
		w.Headers = append([]core.Header(nil), w.Headers...)
		for i := range w.Headers {
			f(st, &w.Headers[i])
		}
		st.Webhook = &w
	})
}

// maskLiteralSecrets masks every literal credential header value of a
// (literalSecret), keeping references as they are: what the window and
// the listings show.
func maskLiteralSecrets(a *core.Automation) {
	mapWebhookHeaders(a, func(_ *core.Step, h *core.Header) {
		if literalSecret(*h) {
			h.Value = shownValue(h.Value)
		}
	})
}

// ShownAutomations lists every automation as the window and `automations
// list` show it: any literal webhook credential masked.
func (s *Services) ShownAutomations() ([]core.Automation, error) {
	autos, err := s.DB.ListAutomations()
	for i := range autos {
		maskLiteralSecrets(&autos[i])
	}
	return autos, err
}

// ShownAutomation returns one automation as the window shows it (see
// ShownAutomations). Returns ENOTFOUND if there is none with the ID.
func (s *Services) ShownAutomation(id uint64) (core.Automation, error) {
	a, err := s.DB.GetAutomation(id)
	maskLiteralSecrets(&a)
	return a, err
}

// dryRunCopy makes a the automation a dry run is given: every credential
// header value shown as a record shows it (a reference as its mask, any
// other value masked), so nothing the dry run records holds a secret. A
// dry run sends no webhook, so it needs no secret.
func dryRunCopy(a *core.Automation) {
	mapWebhookHeaders(a, func(_ *core.Step, h *core.Header) {
		*h = webhookShownHeaders([]core.Header{*h})[0]
	})
}
