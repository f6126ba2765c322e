package cli_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/zalando/go-keyring"

	"github.com/affdesk/affdesk/app/cli"
	"github.com/affdesk/affdesk/app/internal/testkit"
	"github.com/affdesk/affdesk/backend/core"
)

// cliFolder makes a data folder on the mock keychain with one custom
// connection (header key) named "Shop API".
func cliFolder(t *testing.T) string {
	t.Helper()
	keyring.MockInit()
	dir := t.TempDir()
	s := testkit.OpenKeychain(t, dir)
	defer s.Close()
	testkit.SaveConn(t, s, core.ConnectionInput{Connection: core.Connection{Name: "Shop API", Platform: core.PlatformCustom,
		Settings: map[string]string{"base_url": "https://api.example.com", "auth_mode": "header", "key_name": "X-API-Key"}},
		Secrets: map[string]string{"api_key": "first-key-00000000"}})
	return dir
}

func cliIn(dir, stdin string, args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	code := cli.RunCLIInput(args, dir, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestSetSecretFromStdin(t *testing.T) {
	tests := []struct {
		name, stdin string
		args        []string
		code        int
		want        string // stored value when code is 0, else a part of stderr
	}{
		{"by name, newline dropped", "new-key-1234abcd\n", []string{"Shop API", "api_key"}, 0, "new-key-1234abcd"},
		{"by ID, CRLF dropped", "crlf-key-5678efgh\r\n", []string{"1", "api_key"}, 0, "crlf-key-5678efgh"},
		{"no newline", "bare-key-9999zzzz", []string{"shop api", "api_key"}, 0, "bare-key-9999zzzz"},
		{"surrounding spaces dropped", " k y ", []string{"1", "api_key"}, 0, "k y"},
		{"trailing newlines dropped", "two-newlines\n\n", []string{"1", "api_key"}, 0, "two-newlines"},
		{"inner newline", "two\nlines\n", []string{"1", "api_key"}, 2, "line break"},
		{"only spaces", "   \n", []string{"1", "api_key"}, 2, "empty"},
		{"empty", "", []string{"1", "api_key"}, 2, "empty"},
		{"just a newline", "\n", []string{"1", "api_key"}, 2, "empty"},
		{"value as argument", "", []string{"1", "api_key", "oops-secret"}, 2, "pipe it on standard input"},
		{"unknown field", "x-key-00001111", []string{"1", "token"}, 2, "use one of api_key"},
		{"unknown connection", "x-key-00001111", []string{"Nope", "api_key"}, 2, "No connection"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := cliFolder(t)
			code, out, errOut := cliIn(dir, tt.stdin, append([]string{"connections", "set-secret"}, tt.args...)...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d: %s%s", code, tt.code, out, errOut)
			}
			if strings.Contains(out+errOut, "oops-secret") {
				t.Error("the refused value was echoed")
			}
			s := testkit.OpenKeychain(t, dir)
			defer s.Close()
			got, _ := s.Secrets.GetSecret(core.SecretKey(1, "api_key"))
			if tt.code != 0 {
				if !strings.Contains(errOut, tt.want) || got != "first-key-00000000" {
					t.Errorf("stderr %q (want %q); stored %q", errOut, tt.want, got)
				}
				return
			}
			if got != tt.want || strings.Contains(out, tt.want) {
				t.Errorf("stored %q, want %q; stdout %q", got, tt.want, out)
			}
		})
	}
}

// TestConnectionsListShowsMaskedSecrets checks the listing says which
// secrets are set, masked, and holds no secret nor its record field.
func TestConnectionsListShowsMaskedSecrets(t *testing.T) {
	dir := cliFolder(t)
	if code, _, errOut := cliIn(dir, "listed-key-a1b2\n", "connections", "set-secret", "1", "api_key"); code != 0 {
		t.Fatal(errOut)
	}
	code, out, errOut := cliIn(dir, "", "connections", "list")
	if code != 0 {
		t.Fatal(errOut)
	}
	var got []map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil || len(got) != 1 {
		t.Fatalf("%v: %s", err, out)
	}
	sec, _ := got[0]["secrets"].(map[string]any)
	if len(sec) != 1 || sec["api_key"] != "••••a1b2" {
		t.Errorf("secrets = %v", got[0]["secrets"])
	}
	if _, ok := got[0]["secretMasks"]; ok || strings.Contains(out, "listed-key") {
		t.Errorf("listing shows more than masks: %s", out)
	}
}

// TestBothDoorsCleanSecretsAlike checks the window and `connections
// set-secret` store the same value for the same input, or both refuse it.
func TestBothDoorsCleanSecretsAlike(t *testing.T) {
	for _, in := range []string{" padded-key-1234 ", "\ttabbed-key-5678\r\n", "inner\nbreak-key", "inner\rbreak-key"} {
		dir := cliFolder(t)
		code, _, errOut := cliIn(dir, in, "connections", "set-secret", "1", "api_key")
		s := testkit.OpenKeychain(t, dir)
		viaCLI, _ := s.Secrets.GetSecret(core.SecretKey(1, "api_key"))
		c, _ := s.DB.GetConnection(1)
		_, winErr := s.SaveConnection(core.ConnectionInput{Connection: c, Secrets: map[string]string{"api_key": in}})
		viaWindow, _ := s.Secrets.GetSecret(core.SecretKey(1, "api_key"))
		s.Close()
		if (code == 0) != (winErr == nil) || viaCLI != viaWindow {
			t.Errorf("%q: set-secret exit %d (%s) stored %q; window %v stored %q", in, code, errOut, viaCLI, winErr, viaWindow)
		}
		if code == 0 && viaCLI != strings.TrimSpace(in) {
			t.Errorf("%q stored as %q", in, viaCLI)
		}
		if winErr != nil && (core.ErrorField(winErr) != "secrets.api_key" || !strings.Contains(core.ErrorMessage(winErr), "Shop API")) {
			t.Errorf("%q: window error %v on %q", in, winErr, core.ErrorField(winErr))
		}
	}
}
