package gui_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/zalando/go-keyring"

	"github.com/affdesk/affdesk/app/cli"
	"github.com/affdesk/affdesk/app/gui"
	"github.com/affdesk/affdesk/app/internal/testkit"
	"github.com/affdesk/affdesk/app/service"
	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/notify"
	"github.com/affdesk/affdesk/backend/notify/smtptest"
	"github.com/affdesk/affdesk/backend/store"
)

// Canary secrets: every character class an encoder treats specially.
const (
	canaryKey      = `k&<>"+/= y z Canary-9f3`
	canaryUser     = `u&<>"+/= y z Canary-usr`
	canaryPassword = `p&<>"+/= y z Canary-pw7`
	canarySMTP     = `s&<>"+/= y z Canary-smtp`
	canaryHook     = `Bearer w&<>"+/= y z Canary-wh5`
)

// canary is a secret and the encoded forms that must never show.
type canary struct {
	name  string
	forms map[string]string // form name -> text
}

func encodedForms(sec, marker string) map[string]string {
	j, _ := json.Marshal(sec)
	return map[string]string{"raw": sec, "query": url.QueryEscape(sec), "path": url.PathEscape(sec),
		"json": string(j[1 : len(j)-1]), "base64": base64.StdEncoding.EncodeToString([]byte(sec)), "marker": marker}
}

func canaries() []canary {
	basic := encodedForms(canaryPassword, "Canary-pw7")
	basic["basic"] = base64.StdEncoding.EncodeToString([]byte(canaryUser + ":" + canaryPassword))
	hook := encodedForms(canaryHook, "Canary-wh5")
	for k, v := range encodedForms(strings.TrimPrefix(canaryHook, "Bearer "), "Canary-wh5") {
		hook["token-"+k] = v
	}
	return []canary{
		{"api key", encodedForms(canaryKey, "Canary-9f3")},
		{"basic password", basic},
		{"smtp password", encodedForms(canarySMTP, "Canary-smtp")},
		{"webhook authorization", hook},
	}
}

// echoTracker answers every request with the credentials it received,
// raw, URL-encoded, JSON-escaped and base64, in its body and headers;
// paths ending in /fail answer HTTP 400 with the same echo.
func echoTracker(t *testing.T) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got := r.Header.Get("X-API-Key") + r.Header.Get("Authorization")
		if u, p, ok := r.BasicAuth(); ok {
			got = u + ":" + p
		}
		echo := map[string]string{"raw": got, "query": url.QueryEscape(got), "b64": base64.StdEncoding.EncodeToString([]byte(got))}
		body, _ := json.Marshal(echo)
		body = append(body, []byte("\nplain: "+got)...)
		w.Header().Set("X-Echo", url.QueryEscape(got))
		w.Header().Set("X-Echo-Raw", got)
		if strings.HasSuffix(r.URL.Path, "/fail") {
			w.WriteHeader(http.StatusBadRequest)
		}
		w.Write(body)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// canaryWorld is a data folder on the mock keychain with the canary
// connections, templates, SMTP account and automation.
type canaryWorld struct {
	s         *service.Services
	dir       string
	tpls      []core.ActionTemplate
	automaton core.Automation
}

func newCanaryWorld(t *testing.T) *canaryWorld {
	keyring.MockInit()
	dir := t.TempDir()
	s, err := service.Open(service.Config{DataDir: dir, Now: func() time.Time { return testkit.Fixed }, Sleep: testkit.NoWait})
	if err != nil || s.Secrets.Backend() != "keychain" {
		t.Fatalf("open on the mock keychain: %v", err)
	}
	tracker, hook := echoTracker(t), echoTracker(t)
	box := smtptest.Start(t, "bot@example.com", canarySMTP)
	if err := s.SaveSMTP(service.SMTPSettings{SMTP: notify.SMTP{Host: "127.0.0.1", Port: box.Port, Security: "none",
		Username: "bot@example.com", From: "bot@example.com"}, Password: canarySMTP}); err != nil {
		t.Fatal(err)
	}
	key := testkit.SaveConn(t, s, core.ConnectionInput{Connection: core.Connection{Name: "Canary key", Platform: core.PlatformCustom,
		Settings: map[string]string{"base_url": tracker.URL, "auth_mode": "header", "key_name": "X-API-Key"}}, Secrets: map[string]string{"api_key": canaryKey}})
	basic := testkit.SaveConn(t, s, core.ConnectionInput{Connection: core.Connection{Name: "Canary basic", Platform: core.PlatformCustom,
		Settings: map[string]string{"base_url": tracker.URL, "auth_mode": "basic", "username": canaryUser}}, Secrets: map[string]string{"password": canaryPassword}})
	w := &canaryWorld{s: s, dir: dir}
	for _, c := range []core.Connection{key, basic} {
		for _, path := range []string{"/ok", "/fail"} {
			tpl, err := s.SaveTemplate(testkit.GetTemplate(c.ID, path))
			if err != nil {
				t.Fatal(err)
			}
			w.tpls = append(w.tpls, tpl)
		}
	}
	w.automaton = w.saveAutomation(t, hook.URL)
	return w
}

func (w *canaryWorld) saveAutomation(t *testing.T, hookURL string) core.Automation {
	steps := []core.Step{}
	for i, tpl := range w.tpls {
		steps = append(steps, core.Step{ID: fmt.Sprintf("s%d", i+1), Kind: core.StepActionGet, TemplateID: tpl.ID, ContinueOnError: true})
	}
	for i, path := range []string{"/hook", "/hook/fail"} {
		steps = append(steps, core.Step{ID: fmt.Sprintf("w%d", i+1), Kind: core.StepSendWebhook, ContinueOnError: true,
			Webhook: &core.WebhookConfig{URL: hookURL + path, Method: "POST", BodyKind: "raw", Body: "done",
				Headers: []core.Header{{Name: "Authorization", Value: canaryHook}}}})
	}
	steps = append(steps, core.Step{ID: "e1", Kind: core.StepSendEmail, Email: &core.EmailConfig{To: "team@example.com", Subject: "Canary", HTML: "<p>done</p>"}})
	a, err := w.s.SaveAutomation(core.Automation{Name: "Canary run", Trigger: core.Trigger{Kind: "manual"}, Steps: steps})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// artefacts runs everything a user can see or keep and returns each
// artefact's text by name.
func (w *canaryWorld) artefacts(t *testing.T) map[string]string {
	out := map[string]string{}
	add := func(name string, v any, err error) {
		raw, _ := json.Marshal(v)
		out[name] = string(raw)
		if err != nil {
			out[name] += "\nerror: " + err.Error()
		}
	}
	tplAPI := gui.NewTemplatesAPI(w.s)
	for _, tpl := range w.tpls {
		res, err := tplAPI.Test(service.TestInput{Template: tpl})
		add("template test "+tpl.Path+fmt.Sprint(tpl.ConnectionID), res, err)
	}
	run, err := w.s.RunNow(context.Background(), w.automaton.ID, false, "manual")
	add("run", run, err)
	if run.Steps[len(run.Steps)-1].Status != core.StepOK || len(run.Steps) < 7 {
		t.Fatalf("the canary run did not reach its email step: %s", out["run"])
	}
	dry, err := w.s.RunNow(context.Background(), w.automaton.ID, true, "manual")
	add("dry run", dry, err)
	runs, err := w.s.DB.ListRuns(core.RunFilter{})
	add("stored runs", runs, err)
	conns, err := gui.NewConnectionsAPI(w.s).List()
	add("connections api", conns, err)
	auto, err := gui.NewAutomationsAPI(w.s).Get(w.automaton.ID)
	add("automations api", auto, err)
	smtp, err := gui.NewSettingsAPI(w.s, nil).SMTP()
	add("settings api", smtp, err)
	runList, err := gui.NewRunsAPI(w.s).List(core.RunFilter{})
	add("runs api", runList, err)
	w.s.Close()
	for _, args := range [][]string{{"run", "1"}, {"automations", "export"}, {"automations", "list"},
		{"connections", "list"}, {"templates", "export"}, {"templates", "list"}} {
		var stdout, stderr bytes.Buffer
		cli.RunCLIInput(args, w.dir, strings.NewReader(""), &stdout, &stderr)
		out["cli "+strings.Join(args, " ")] = stdout.String() + "\nstderr: " + stderr.String()
	}
	file, err := os.ReadFile(filepath.Join(w.dir, store.FileName))
	if err != nil {
		t.Fatal(err)
	}
	out["data file"] = string(file)
	return out
}

// TestCanarySecretsShowNowhere grep every artefact for every encoded form
// of every canary secret.
func TestCanarySecretsShowNowhere(t *testing.T) {
	w := newCanaryWorld(t)
	arts := w.artefacts(t)
	if !strings.Contains(arts["run"], "••••") {
		t.Fatal("nothing was masked, so nothing was checked")
	}
	for _, c := range canaries() {
		t.Run(c.name, func(t *testing.T) {
			var leaks []string
			for art, text := range arts {
				for form, s := range c.forms {
					if strings.Contains(text, s) {
						leaks = append(leaks, art+": "+form)
					}
				}
			}
			if len(leaks) > 0 {
				t.Errorf("leaked in %s", strings.Join(leaks, "; "))
			}
		})
	}
}
