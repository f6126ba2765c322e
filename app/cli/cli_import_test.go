package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/affdesk/affdesk/app/internal/testkit"
	"github.com/affdesk/affdesk/backend/core"
)

// TestCLIImportOnClash proves the command line takes --on-clash and
// refuses an unknown policy before reading the file.
func TestCLIImportOnClash(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(t.TempDir(), "v1.json")
	v1, err := os.ReadFile("../service/testdata/automations-v1.json")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(file, v1, 0o600)
	if code, out, errOut := run(dir, "automations", "import", file); code != 0 || !strings.Contains(out, "Automations: 3 added") || !strings.Contains(out, `"Affise main"`) {
		t.Fatalf("import: %d %s %s", code, out, errOut)
	}
	if code, out, errOut := run(dir, "automations", "import", file, "--on-clash", "skip"); code != 0 || !strings.Contains(out, "Automations: 0 added, 0 replaced, 3 skipped") {
		t.Fatalf("skip: %d %s %s", code, out, errOut)
	}
	if code, out, errOut := run(dir, "automations", "import", "--on-clash=replace", file); code != 0 || !strings.Contains(out, "3 replaced") {
		t.Fatalf("replace: %d %s %s", code, out, errOut)
	}
	if code, _, errOut := run(dir, "automations", "import", file, "--on-clash", "merge"); code != 2 || !strings.Contains(errOut, "rename, replace or skip") {
		t.Fatalf("bad policy: %d %s", code, errOut)
	}
}

// TestRunRefusesASharedName proves `run NAME` refuses a name several
// stored automations share (exit 2), listing their IDs.
func TestRunRefusesASharedName(t *testing.T) {
	s, dir := testkit.MustServices(t, nil)
	for _, name := range []string{"Weekly affiliate stats email", "weekly affiliate stats email"} {
		a := core.Automation{Name: name, Trigger: core.Trigger{Kind: "manual"}}
		if err := s.DB.SaveAutomation(&a); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	code, _, errOut := run(dir, "run", "Weekly affiliate stats email", "--dry-run")
	if code != 2 || !strings.Contains(errOut, "IDs 1, 2") {
		t.Errorf("run: %d %s", code, errOut)
	}
}
