package request_test

import (
	"encoding/base64"
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/request"
)

// FuzzMaskHidesEveryForm checks that whatever the secret and the text
// around it, no URL, JSON or base64 form of the secret survives masking.
func FuzzMaskHidesEveryForm(f *testing.F) {
	for _, s := range []string{`k&<>"+/= y z Canary-9f3`, "abc", "ключ-секрет", "a\u2028b\tc", "%%%", "\\\\\\"} {
		f.Add(s, "before ", " after")
	}
	f.Fuzz(func(t *testing.T, secret, before, after string) {
		if len(secret) < 3 || strings.Contains(secret, request.Mask) || strings.ContainsAny(secret, "\r\n\x00") {
			return
		}
		m := request.NewMasker(core.Target{Auth: core.Auth{Kind: core.AuthHeader, Name: "X-Key", Value: secret}})
		js, _ := json.Marshal(secret)
		forms := []string{secret, url.QueryEscape(secret), url.PathEscape(secret), string(js[1 : len(js)-1]), base64.StdEncoding.EncodeToString([]byte(secret))}
		for _, form := range forms {
			out := m.String(before + form + after)
			if strings.Contains(out, secret) && !strings.Contains(before+after, secret) {
				t.Fatalf("secret %q survived in %q", secret, out)
			}
			if strings.Contains(out, form) && !strings.Contains(before+after, form) && !strings.Contains(request.Mask, form) {
				t.Fatalf("form %q of %q survived in %q", form, secret, out)
			}
		}
	})
}
