package cli_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/affdesk/affdesk/app/cli"
	"github.com/affdesk/affdesk/app/internal/testkit"
	"github.com/affdesk/affdesk/backend/core"
)

// gateFolder makes a data folder whose automation "Gate" waits for
// approval before a webhook to a loopback server, and one completed run
// of "Good"; it returns the folder and the webhook's hit count.
func gateFolder(t *testing.T) (string, *int) {
	t.Helper()
	hits := new(int)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { *hits++ }))
	t.Cleanup(srv.Close)
	items := loopbackTracker(t, nil)
	s, dir := testkit.MustServices(t, nil)
	loopAutomation(t, s, items.URL, "Good", "b", false)
	if _, err := s.SaveAutomation(core.Automation{Name: "Gate", Steps: []core.Step{
		{ID: "s1", Kind: core.StepApproval, Message: "Send it?"},
		{ID: "s2", Kind: core.StepSendWebhook, Webhook: &core.WebhookConfig{URL: srv.URL + "/hook", Method: "POST", BodyKind: "raw", Body: "go"}}}}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	for _, name := range []string{"Good", "Gate", "Gate"} {
		run(dir, "run", name)
	}
	return dir, hits
}

// TestRunsListAndShow proves the table, the filters, JSON and the step log.
func TestRunsListAndShow(t *testing.T) {
	dir, _ := gateFolder(t)
	tests := []struct {
		args     []string
		code     int
		out, err string
	}{
		{[]string{"runs", "list"}, 0, "ID  AUTOMATION  STATUS", ""},
		{[]string{"runs", "list"}, 0, "Waiting for approval", ""},
		{[]string{"runs", "list", "--automation", "good"}, 0, "1   Good", ""},
		{[]string{"runs", "list", "--status", "nope"}, 2, "", `--status "nope" is not a run status`},
		{[]string{"runs", "list", "--automation", "Nope"}, 2, "", `No automation is named "Nope"`},
		{[]string{"runs", "show", "1"}, 0, `Run 1 of "Good"`, ""},
		{[]string{"runs", "show", "1"}, 0, "Completed in", ""},
		{[]string{"runs", "show", "9"}, 1, "", "Run 9 was not found"},
		{[]string{"runs", "show", "x"}, 2, "", `"x" is not a run ID`},
		{[]string{"runs", "show"}, 2, "", "runs show needs a run ID"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, out, errOut := run(dir, tt.args...)
			if code != tt.code || !strings.Contains(out, tt.out) || !strings.Contains(errOut, tt.err) {
				t.Fatalf("exit %d\nstdout %s\nstderr %s", code, out, errOut)
			}
		})
	}
	_, out, _ := run(dir, "runs", "list", "--status", "waiting_approval", "--limit", "1", "--json")
	var runs []core.Run
	if err := json.Unmarshal([]byte(out), &runs); err != nil || len(runs) != 1 || runs[0].ID != 3 || runs[0].Status != core.RunWaiting {
		t.Fatalf("--json: %v %s", err, out)
	}
	_, out, _ = run(dir, "runs", "show", "--json", "1")
	var one core.Run
	if err := json.Unmarshal([]byte(out), &one); err != nil || one.ID != 1 || len(one.Steps) != 2 || len(one.Steps[1].Iterations) != 3 {
		t.Fatalf("show --json: %v %s", err, out)
	}
}

// TestRunsApproveAndReject proves an approval resumes the run here (the
// webhook is sent once), a rejection needs a reason and sends nothing,
// and a run no longer waiting is exit 1 with the conflict's message.
func TestRunsApproveAndReject(t *testing.T) {
	dir, hits := gateFolder(t)
	tests := []struct {
		args     []string
		code     int
		out, err string
		hits     int
	}{
		{[]string{"runs", "reject", "2"}, cli.ExitUsage, "", "needs --reason", 0},
		{[]string{"runs", "reject", "2", "--reason", "  "}, cli.ExitUsage, "", "needs --reason", 0},
		{[]string{"runs", "reject", "2", "--reason", "not this week"}, cli.ExitOK, "Rejected by the approver: not this week", "", 0},
		{[]string{"runs", "approve", "2"}, cli.ExitFailed, "", "Run 2 is not waiting for approval.", 0},
		{[]string{"runs", "approve", "3"}, cli.ExitOK, "Completed in", "", 1},
		{[]string{"runs", "approve", "3"}, cli.ExitFailed, "", "Run 3 is not waiting for approval.", 1},
		{[]string{"runs", "approve", "1"}, cli.ExitFailed, "", "not waiting", 1},
		{[]string{"runs", "approve"}, cli.ExitUsage, "", "needs a run ID", 1},
	}
	for _, tt := range tests {
		code, out, errOut := run(dir, tt.args...)
		if code != tt.code || !strings.Contains(out, tt.out) || !strings.Contains(errOut, tt.err) || *hits != tt.hits {
			t.Fatalf("%v: exit %d, %d hits\nstdout %s\nstderr %s", tt.args, code, *hits, out, errOut)
		}
	}
}
