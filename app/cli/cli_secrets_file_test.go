package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/affdesk/affdesk/app/cli"
	"github.com/affdesk/affdesk/app/internal/testkit"
	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/store"
)

// TestSecretsNeverReachTheDataFile saves a connection while a keychain is
// available and checks the token appears nowhere but the keychain: not in
// the bbolt file, the record, the export or the command-line output.
func TestSecretsNeverReachTheDataFile(t *testing.T) {
	keychain := testkit.MemSecrets{}
	s, dir := testkit.MustServices(t, keychain)
	c := testkit.SaveConn(t, s, testkit.ImpactInput("", token))
	if c.SecretMasks["auth_token"] != "••••3456" {
		t.Errorf("mask = %q", c.SecretMasks["auth_token"])
	}
	if keychain[core.SecretKey(c.ID, "auth_token")] != token {
		t.Fatalf("keychain holds %v", keychain)
	}
	tpl, _ := s.TemplateFromPreset("impact.actions.list", c.ID)
	if _, err := s.SaveTemplate(tpl); err != nil {
		t.Fatal(err)
	}
	export, _ := s.ExportTemplates()
	exported, _ := json.Marshal(export)
	s.Close()

	raw, err := os.ReadFile(filepath.Join(dir, store.FileName))
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	for _, args := range [][]string{{"connections", "list"}, {"templates", "export"}, {"templates", "list"}} {
		if code := cli.RunCLI(args, dir, &out, &out); code != 0 {
			t.Fatalf("%v exit %d: %s", args, code, out.String())
		}
	}
	for name, text := range map[string]string{"data file": string(raw), "export": string(exported), "cli": out.String()} {
		for _, part := range []string{token, "abcdef123456"} {
			if strings.Contains(text, part) {
				t.Errorf("%s contains the secret", name)
			}
		}
	}
	var cliExport strings.Builder
	cli.RunCLI([]string{"templates", "export"}, dir, &cliExport, &cliExport)
	for _, text := range []string{string(exported), cliExport.String()} {
		if strings.Contains(text, "••••") || !strings.Contains(text, `"impact.com: List actions"`) {
			t.Errorf("export carries secret masks or lacks the template: %s", text)
		}
	}
}

const token = "tok-SECRET-abcdef123456"
