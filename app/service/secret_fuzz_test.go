package service

import (
	"strings"
	"testing"
)

// FuzzSecretInput checks the stdin secret reader and the webhook secret
// reference parser never panic and keep their contracts.
func FuzzSecretInput(f *testing.F) {
	for _, seed := range []string{"", "\n", "\r\n", "abc\n", "abc\r\n", "a\n\n", "secret:webhook/0123456789abcdef#••••a1b2", "secret:webhook/xyz#"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, in string) {
		v, err := ReadSecret(strings.NewReader(in))
		if err == nil && (v == "" || !strings.HasPrefix(in, v) || len(in)-len(v) > 2) {
			t.Fatalf("ReadSecret(%q) = %q", in, v)
		}
		if key, mask, ok := SecretRef(in); ok && (!strings.HasPrefix(key, "webhook/") || !strings.HasSuffix(in, mask)) {
			t.Fatalf("SecretRef(%q) = %q %q", in, key, mask)
		}
	})
}
