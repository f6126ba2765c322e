package request_test

import (
	"encoding/base64"
	"testing"

	"github.com/affdesk/affdesk/backend/request"
)

// TestMaskSecretsEveryForm checks each encoding of a secret is masked, a
// longer form before a shorter one, and short secrets are left alone.
func TestMaskSecretsEveryForm(t *testing.T) {
	const sec = `k/ey<&>"pass`
	for name, form := range map[string]string{
		"raw":        sec,
		"json html":  `k/ey\u003c\u0026\u003e\"pass`,
		"json slash": `k\/ey<&>\"pass`,
		"html":       "k/ey&lt;&amp;&gt;&#34;pass",
		"query":      "k%2Fey%3C%26%3E%22pass",
		"base64":     base64.StdEncoding.EncodeToString([]byte(sec)),
		"base64 url": base64.RawURLEncoding.EncodeToString([]byte(sec)),
	} {
		text := `{"v":"` + form + `"}`
		if got := request.MaskSecrets(text, sec); got != `{"v":"`+request.Mask+`"}` {
			t.Errorf("%s: %q masked to %q", name, text, got)
		}
	}
	if got := request.MaskSecrets("ab ab", "ab"); got != "ab ab" {
		t.Errorf("a two-character secret masked data: %q", got)
	}
	if got := request.MaskSecrets("plain"); got != "plain" {
		t.Errorf("no secrets changed the text: %q", got)
	}
}
