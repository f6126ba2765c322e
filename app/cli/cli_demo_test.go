package cli_test

import (
	"bufio"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"

	"github.com/affdesk/affdesk/backend/core"
)

// TestDemoTrackerRunsOnItsOwn starts `affdesk demo-tracker`, calls its
// impact.com API with the printed credentials, stops it with SIGTERM, and
// checks an address off this machine is refused.
func TestDemoTrackerRunsOnItsOwn(t *testing.T) {
	cmd := exec.Command(os.Args[0], "demo-tracker")
	cmd.Env = append(os.Environ(), "AFFDESK_TEST_CLI=1")
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	sc := bufio.NewScanner(stdout)
	if !sc.Scan() || !strings.HasPrefix(sc.Text(), "http://127.0.0.1:") {
		t.Fatalf("first line %q", sc.Text())
	}
	req, _ := http.NewRequest("GET", sc.Text()+"/Advertisers/"+core.DemoAccountSID+"/Campaigns", nil)
	req.SetBasicAuth(core.DemoAccountSID, core.DemoAuthToken)
	resp, err := http.DefaultClient.Do(req)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("campaigns: %v %v", resp, err)
	}
	resp.Body.Close()
	_ = cmd.Process.Signal(syscall.SIGTERM)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("stop: %v", err)
	}
	if code, _, errOut := run(t.TempDir(), "demo-tracker", "--addr", "0.0.0.0:0"); code != 2 || !strings.Contains(errOut, "this machine only") {
		t.Fatalf("0.0.0.0: exit %d %s", code, errOut)
	}
}
