package cli_test

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/affdesk/affdesk/app/internal/testkit"
)

func TestCLIRunAndTransfer(t *testing.T) {
	s, dir := testkit.MustServices(t, nil)
	c := testkit.DemoConn(t, s)
	if _, err := s.AutomationFromPreset("impact.reverse_test_actions", c.ID); err != nil {
		t.Fatal(err)
	}
	s.Close()
	code, out, errOut := run(dir, "run", "Reverse test or fraudulent impact.com actions", "--dry-run")
	if code != 0 || !strings.Contains(out, "dry run: nothing that writes was sent") || !strings.Contains(out, "WOULD SEND DELETE") || !strings.Contains(out, "Completed in") {
		t.Fatalf("dry run exit %d\n%s\n%s", code, short(out), errOut)
	}
	if code, _, errOut := run(dir, "run", "nope"); code != 2 || !strings.Contains(errOut, `No automation is named "nope"`) {
		t.Fatalf("unknown automation: %d %s", code, errOut)
	}
	code, exported, _ := run(dir, "automations", "export")
	if code != 0 || !strings.Contains(exported, `"format": "affdesk.automations"`) || strings.Contains(exported, "••••") {
		t.Fatalf("export %d %s", code, exported)
	}
	file := filepath.Join(t.TempDir(), "export.json")
	os.WriteFile(file, []byte(exported), 0o600)
	other := t.TempDir()
	if code, out, errOut := run(other, "automations", "import", file); code != 0 || !strings.Contains(out, "Automations: 1 added") {
		t.Fatalf("import %d %s %s", code, out, errOut)
	}
	code, out, _ = run(other, "run", "1")
	if code != 0 || !strings.Contains(out, "Completed") {
		t.Fatalf("the imported automation did not run: %d\n%s", code, out)
	}
	bad := filepath.Join(t.TempDir(), "bad.json")
	os.WriteFile(bad, []byte(`{"format":"something else","version":1}`), 0o600)
	if code, _, errOut := run(other, "automations", "import", bad); code != 1 || !strings.Contains(errOut, "not an AffDesk export") {
		t.Fatalf("bad import %d %s", code, errOut)
	}
	var _ = io.Discard
}

func short(s string) string {
	if len(s) > 3000 {
		return s[:1500] + "\n…\n" + s[len(s)-1500:]
	}
	return s
}
