package cli_test

import (
	"bytes"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"

	"github.com/affdesk/affdesk/app/cli"
	"github.com/affdesk/affdesk/app/internal/testkit"
	"github.com/affdesk/affdesk/app/service"
	"github.com/affdesk/affdesk/backend/core"
)

// loopbackTracker lists items a, b and c; a POST to /items/ID answers by
// the ID's verdict: 200 by default, 400 for "fail", and for "hang" it
// reports the hit and waits until the client goes away.
func loopbackTracker(t *testing.T, hit chan<- struct{}) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == "GET" {
			w.Write([]byte(`{"items":[{"id":"a"},{"id":"` + r.URL.Query().Get("second") + `"},{"id":"c"}]}`))
			return
		}
		switch strings.TrimPrefix(r.URL.Path, "/items/") {
		case "fail":
			http.Error(w, `{"error":"refused"}`, http.StatusBadRequest)
		case "hang":
			hit <- struct{}{}
			<-r.Context().Done()
		default:
			w.Write([]byte(`{"ok":true}`))
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

// loopAutomation lists the items (the second one named by second) and
// posts each.
func loopAutomation(t *testing.T, s *service.Services, base, name, second string, continueOn bool) {
	t.Helper()
	c := testkit.SaveConn(t, s, core.ConnectionInput{Connection: core.Connection{Name: "Loopback " + name, Platform: core.PlatformCustom,
		Settings: map[string]string{"base_url": base, "auth_mode": "none"}}})
	list, err := s.SaveTemplate(core.ActionTemplate{Name: "List " + name, ConnectionID: c.ID, Kind: core.KindGet, Method: "GET", Path: "/items",
		Params: []core.Param{{Name: "second", In: "query", Type: "string"}}, BodyEncoding: core.BodyJSON})
	if err != nil {
		t.Fatal(err)
	}
	post, err := s.SaveTemplate(core.ActionTemplate{Name: "Post " + name, ConnectionID: c.ID, Kind: core.KindEdit, Method: "POST", Path: "/items/{id}",
		Params: []core.Param{{Name: "id", In: "path", Type: "string", Required: true}}, BodyEncoding: core.BodyJSON})
	if err != nil {
		t.Fatal(err)
	}
	a := core.Automation{Name: name, Steps: []core.Step{
		{ID: "s1", Kind: core.StepActionGet, TemplateID: list.ID, Values: map[string]string{"second": second},
			Selections: []core.Selection{{Path: "$.items[*]", Variable: "items"}}},
		{ID: "s2", Kind: core.StepForEach, Over: "{items}", Concurrency: 1, ContinueOnError: continueOn, Steps: []core.Step{
			{ID: "s3", Kind: core.StepActionEdit, TemplateID: post.ID, Values: map[string]string{"id": "{item.id}"}}}},
	}}
	if _, err := s.SaveAutomation(a); err != nil {
		t.Fatal(err)
	}
}

func TestRunExitCodes(t *testing.T) {
	s, dir := testkit.MustServices(t, nil)
	srv := loopbackTracker(t, nil)
	loopAutomation(t, s, srv.URL, "Good", "b", false)
	loopAutomation(t, s, srv.URL, "Mixed", "fail", true)
	loopAutomation(t, s, srv.URL, "Broken", "fail", false)
	loopAutomation(t, s, srv.URL, "Dup", "b", false)
	loopAutomation(t, s, srv.URL, "dup", "b", false)
	if err := s.DB.SaveAutomation(&core.Automation{Name: "Draft", Steps: []core.Step{{ID: "s1", Kind: core.StepSendEmail}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveAutomation(core.Automation{Name: "Gate", Steps: []core.Step{
		{ID: "s1", Kind: core.StepApproval, Message: "Reverse them?"},
		{ID: "s2", Kind: core.StepSendWebhook, Webhook: &core.WebhookConfig{URL: srv.URL + "/hook", Method: "POST", BodyKind: "raw", Body: "go"}}}}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	tests := []struct {
		args    []string
		code    int
		out, er string
	}{
		{[]string{"run", "Good"}, cli.ExitOK, "Completed in", ""},
		{[]string{"run", "Mixed"}, cli.ExitWithErrors, "Completed with errors", ""},
		{[]string{"run", "Broken"}, cli.ExitFailed, "Failed in", ""},
		{[]string{"run", "Gate"}, cli.ExitWaiting, "Waiting for approval", ""},
		{[]string{"run", "--help"}, cli.ExitOK, "4  Waiting for approval: approve or reject it in the app", ""},
		{[]string{"run", "--help"}, cli.ExitOK, "Exit status", ""},
		{[]string{"run", "-h"}, cli.ExitOK, "3  Completed with errors", ""},
		{[]string{"run"}, cli.ExitUsage, "", "needs an automation"},
		{[]string{"run", "Good", "--frobnicate"}, cli.ExitUsage, "", `unknown flag "--frobnicate"`},
		{[]string{"run", "nope"}, cli.ExitUsage, "", `No automation is named "nope"`},
		{[]string{"run", "dup"}, cli.ExitUsage, "", `2 automations are named "dup"`},
		{[]string{"run", "Draft"}, cli.ExitUsage, "", "needs setup"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, out, errOut := run(dir, tt.args...)
			if code != tt.code || !strings.Contains(out, tt.out) || !strings.Contains(errOut, tt.er) {
				t.Fatalf("exit %d\nstdout %s\nstderr %s", code, out, errOut)
			}
		})
	}
}

func TestRunCancelsCleanlyOnSIGTERM(t *testing.T) {
	s, dir := testkit.MustServices(t, nil)
	hit := make(chan struct{}, 1)
	srv := loopbackTracker(t, hit)
	loopAutomation(t, s, srv.URL, "Slow", "hang", true)
	s.Close()
	cmd := exec.Command(os.Args[0], "--data-dir", dir, "run", "Slow")
	cmd.Env = append(os.Environ(), "AFFDESK_TEST_CLI=1")
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	<-hit
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	err := cmd.Wait()
	var exit *exec.ExitError
	if !errors.As(err, &exit) {
		t.Fatalf("the run did not exit with a code: %v\n%s\n%s", err, out.String(), errOut.String())
	}
	s2, err := service.Open(service.Config{DataDir: dir, Secrets: testkit.MemSecrets{}})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	runs, _ := s2.DB.ListRuns(core.RunFilter{})
	got, _ := s2.DB.GetRun(runs[0].ID)
	if got.Status != core.RunCancelled || !strings.Contains(out.String(), "Cancelled in") {
		t.Fatalf("run %s, stdout %s", got.Status, out.String())
	}
	if exit.ExitCode() != cli.RunExitCode(got) || (exit.ExitCode() != cli.ExitFailed && exit.ExitCode() != cli.ExitWithErrors) {
		t.Fatalf("exit %d for %s (%+v)", exit.ExitCode(), got.Status, got.Writes)
	}
	ws, _ := s2.DB.Writes(got.ID)
	if len(ws) != 2 || ws[1].Outcome == "" || ws[1].Item != 2 {
		t.Fatalf("journal %+v", ws)
	}
}
