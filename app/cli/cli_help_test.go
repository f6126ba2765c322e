package cli_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/affdesk/affdesk/app/internal/testkit"
	"github.com/affdesk/affdesk/backend/store"
)

// TestHelpForEveryCommand proves each command has its help both ways,
// with its own usage line, and that completions and flags anywhere work.
func TestHelpForEveryCommand(t *testing.T) {
	dir := t.TempDir()
	for _, cmd := range [][]string{{"run"}, {"runs", "list"}, {"runs", "show"}, {"runs", "approve"}, {"runs", "reject"},
		{"automations", "import"}, {"connections", "set-secret"}, {"templates", "show"}, {"backup"}, {"restore"}, {"version"}} {
		use := "Usage:\n  affdesk " + strings.Join(cmd, " ")
		c1, viaHelp, _ := run(dir, append([]string{"help"}, cmd...)...)
		c2, viaFlag, _ := run(dir, append(cmd, "--help")...)
		if c1 != 0 || c2 != 0 || !strings.Contains(viaHelp, use) || viaHelp != viaFlag {
			t.Errorf("%v: exit %d/%d\n%s", cmd, c1, c2, viaHelp)
		}
	}
	for _, shell := range []string{"bash", "zsh", "fish", "powershell"} {
		if code, out, errOut := run(dir, "completion", shell); code != 0 || !strings.Contains(out, "affdesk") {
			t.Errorf("completion %s: exit %d %s", shell, code, errOut)
		}
	}
	if code, out, _ := run(dir, "help"); code != 0 || !strings.Contains(out, "runs reject ID --reason TEXT") || !strings.Contains(out, "completion bash|zsh|fish|powershell") {
		t.Errorf("the overview lacks commands:\n%s", out)
	}
	if code, _, errOut := run(dir, "runs"); code != 2 || !strings.Contains(errOut, "affdesk runs needs a command: list, show, approve, reject") {
		t.Errorf("runs alone: exit %d %s", code, errOut)
	}
	if code, out, _ := run(dir, "templates", "list", "-data-dir", dir); code != 0 || strings.TrimSpace(out) != "[]" {
		t.Errorf("-data-dir after the command: exit %d %s", code, out)
	}
}

// TestSecondProcessNamesTheHolder proves a process that finds the data
// file held names the process holding it, from the owner file the holder
// wrote, and that the holder removes that file when it closes.
func TestSecondProcessNamesTheHolder(t *testing.T) {
	_, dir := testkit.MustServices(t, nil)
	code, _, errOut := run(dir, "connections", "list")
	want := "It is held by process " + strconv.Itoa(os.Getpid())
	if code != 1 || !strings.Contains(errOut, "in use by another AffDesk process") || strings.Contains(errOut, want) {
		t.Fatalf("in-process holder: exit %d %s", code, errOut)
	}
	cmd := exec.Command(os.Args[0], "--data-dir", dir, "connections", "list")
	cmd.Env = append(os.Environ(), "AFFDESK_TEST_CLI=1")
	out, _ := cmd.CombinedOutput()
	if !strings.Contains(string(out), want+" (") {
		t.Fatalf("another process: %s", out)
	}
}

// TestOwnerFileIsRemovedOnClose proves a closed data folder leaves no
// owner file to mislead the next message.
func TestOwnerFileIsRemovedOnClose(t *testing.T) {
	s, dir := testkit.MustServices(t, nil)
	owner := filepath.Join(dir, store.FileName+".owner")
	if _, err := os.Stat(owner); err != nil {
		t.Fatalf("no owner file while open: %v", err)
	}
	s.Close()
	if _, err := os.Stat(owner); !os.IsNotExist(err) {
		t.Fatalf("owner file left after close: %v", err)
	}
}
