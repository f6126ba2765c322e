package cli_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/affdesk/affdesk/app/cli"
)

func runInput(dir, stdin string, args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	code := cli.RunCLIInput(append([]string{"--data-dir", dir}, args...), "", strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

// TestCLIImportCurl imports a cURL command from standard input and from
// a file, prints the template back as curl with its key masked (shown
// with --reveal), and refuses bad usage with exit 2.
func TestCLIImportCurl(t *testing.T) {
	dir := t.TempDir()
	src := `curl -H 'X-Api-Key: cli-key-123456' 'https://api.x.io/v1/users?limit=5'`
	code, out, errOut := runInput(dir, src, "import", "curl", "-")
	if code != 0 || !strings.Contains(out, "Connections: 1 added") || !strings.Contains(out, "Templates: 1 added") {
		t.Fatalf("import: %d %s %s", code, out, errOut)
	}
	file := filepath.Join(t.TempDir(), "call.sh")
	os.WriteFile(file, []byte(src), 0o600)
	if code, out, errOut := run(dir, "import", "curl", file, "--pick", "curl", "--on-clash", "skip"); code != 0 || !strings.Contains(out, "Templates: 0 added, 0 replaced, 1 skipped") {
		t.Fatalf("import file: %d %s %s", code, out, errOut)
	}
	code, out, errOut = run(dir, "templates", "curl", "Get users")
	if code != 0 || strings.Contains(out, "cli-key-123456") || !strings.Contains(out, "X-Api-Key: ••••") || !strings.Contains(out, "limit=5") {
		t.Fatalf("templates curl: %d %s %s", code, out, errOut)
	}
	if code, out, _ := run(dir, "templates", "curl", "Get users", "--reveal"); code != 0 || !strings.Contains(out, "X-Api-Key: cli-key-123456") {
		t.Fatalf("templates curl --reveal: %d %s", code, out)
	}
	usage := [][]string{
		{"import", "har", file}, {"import", "curl"}, {"import", "curl", file, "--pick", "nope"},
		{"import", "curl", file, "--on-clash", "merge"}, {"templates", "curl", "No such"},
	}
	for _, args := range usage {
		if code, _, errOut := run(dir, args...); code != 2 {
			t.Errorf("%v: exit %d (%s), want 2", args, code, errOut)
		}
	}
	if code, _, errOut := runInput(dir, "echo hi", "import", "curl", "-"); code != 1 || !strings.Contains(errOut, "nothing was imported") {
		t.Errorf("bad command: %d %s", code, errOut)
	}
}
