package request_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/request"
)

// TestRecordMasksEverySecret builds requests with each auth kind and a
// secret that also appears in a parameter, and checks that no form of the
// secret survives in the record.
func TestRecordMasksEverySecret(t *testing.T) {
	const secret = "s3cr3t/key+with=chars&1"
	tp := tpl("POST", "/x/{id}", core.BodyForm, p("id", core.InPath, core.TypeString, true), p("note", core.InBody, core.TypeString, false), p("q", core.InQuery, core.TypeString, false))
	auths := []core.Auth{
		{Kind: core.AuthHeader, Name: "X-Eflow-API-Key", Value: secret},
		{Kind: core.AuthQuery, Name: "api_key", Value: secret},
		{Kind: core.AuthParam, Name: "api_key", Value: secret},
		{Kind: core.AuthBasic, User: "IRSID", Password: secret},
		{Kind: core.AuthBearer, Value: secret},
	}
	for _, a := range auths {
		t.Run(string(a.Kind), func(t *testing.T) {
			tg := core.Target{ConnectionName: "Acme", BaseURL: "https://api.example.com", Auth: a}
			b, err := request.Build(tp, tg, map[string]string{"id": secret, "note": "copy " + secret, "q": secret}, ua)
			if err != nil {
				t.Fatal(err)
			}
			rec := request.NewMasker(tg).Record(b)
			raw, _ := json.Marshal(rec)
			for _, part := range []string{secret, "s3cr3t", "czNjcjN0"} {
				if strings.Contains(string(raw), part) {
					t.Fatalf("record leaks %q: %s", part, raw)
				}
			}
			if !strings.Contains(string(raw), "••••") {
				t.Fatalf("record shows no mask: %s", raw)
			}
		})
	}
}

func TestMaskerIgnoresTinySecrets(t *testing.T) {
	m := request.NewMasker(core.Target{Auth: core.Auth{Kind: core.AuthBearer, Value: "a"}})
	if got := m.String("a banana"); got != "a banana" {
		t.Errorf("a one-letter secret masked ordinary text: %q", got)
	}
}
