package service

import (
	"strings"
	"testing"

	"github.com/affdesk/affdesk/backend/core"
)

// FuzzReadSecretEnv proves any bundle text gives either an EINVALID error
// or variable names that are valid environment variable names.
func FuzzReadSecretEnv(f *testing.F) {
	f.Add([]byte(`{"connections":[{"id":1,"name":"Shop API","secretEnv":{"api_key":"SHOP_KEY"}}]}`))
	f.Add([]byte(`{"connections":[{"id":2,"secretEnv":{"token":"BAD NAME"}}]}`))
	f.Add([]byte(`{"connections":null}`))
	f.Fuzz(func(t *testing.T, raw []byte) {
		env, err := readSecretEnv(raw)
		if err != nil {
			if core.ErrorCode(err) != core.EINVALID {
				t.Fatalf("uncoded error %v", err)
			}
			return
		}
		for _, names := range env {
			for _, n := range names {
				if !envNameRE.MatchString(n) {
					t.Fatalf("accepted %q", n)
				}
			}
		}
	})
}

// FuzzSecretEnvName proves every default variable name is a valid one
// and starts with the prefix.
func FuzzSecretEnvName(f *testing.F) {
	f.Add("Shop API", uint64(1), "api_key")
	f.Add("ÄÖÜ", uint64(7), "token")
	f.Add("--", uint64(0), "")
	f.Fuzz(func(t *testing.T, name string, id uint64, field string) {
		got := SecretEnvName(name, id, field)
		if !strings.HasPrefix(got, SecretEnvPrefix) || strings.ContainsAny(got, " -\n") || strings.ToUpper(got) != got {
			t.Fatalf("%q %q -> %q", name, field, got)
		}
	})
}

// FuzzParseOwner proves an owner file either parses to a positive PID and
// a one-line command, or is ignored.
func FuzzParseOwner(f *testing.F) {
	f.Add([]byte(`{"pid":4242,"command":"affdesk serve","since":"2026-01-05T09:00:00Z"}`))
	f.Add([]byte(`{"pid":-1}`))
	f.Add([]byte(`{"pid":1,"command":"a\nb"}`))
	f.Fuzz(func(t *testing.T, raw []byte) {
		o, ok := parseOwner(raw)
		if ok && (o.PID <= 0 || strings.ContainsAny(o.Command, "\r\n") || len([]rune(o.Command)) > 161) {
			t.Fatalf("accepted %+v", o)
		}
	})
}

// TestSecretEnvNames pins the documented convention.
func TestSecretEnvNames(t *testing.T) {
	tests := []struct {
		name  string
		id    uint64
		field string
		want  string
	}{
		{"Shop API", 1, "api_key", "AFFDESK_SECRET_SHOP_API_API_KEY"},
		{"Affise main", 2, "api_key", "AFFDESK_SECRET_AFFISE_MAIN_API_KEY"},
		{"  impact.com (EU) ", 3, "auth_token", "AFFDESK_SECRET_IMPACT_COM_EU_AUTH_TOKEN"},
		{"Über", 4, "token", "AFFDESK_SECRET_BER_TOKEN"},
		{"Ω", 7, "token", "AFFDESK_SECRET_CONNECTION_7_TOKEN"},
	}
	for _, tt := range tests {
		if got := SecretEnvName(tt.name, tt.id, tt.field); got != tt.want {
			t.Errorf("%q %s: %s, want %s", tt.name, tt.field, got, tt.want)
		}
	}
}
