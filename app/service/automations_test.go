package service_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/affdesk/affdesk/app/internal/testkit"
	"github.com/affdesk/affdesk/app/service"
	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/demotracker"
	"github.com/affdesk/affdesk/backend/notify"
	"github.com/affdesk/affdesk/backend/notify/smtptest"
)

// matchingPending counts, straight from the demo tracker, the pending
// actions of the last 7 days (and all pending ones) the reverse preset's
// rule matches.
func matchingPending(url string) (match, pending int, err error) {
	req, _ := http.NewRequest("GET", url+"/Advertisers/"+core.DemoAccountSID+"/Actions?CampaignId=1000&State=PENDING", nil)
	req.SetBasicAuth(core.DemoAccountSID, core.DemoAuthToken)
	req.Header.Set("Accept", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, 0, err
	}
	defer resp.Body.Close()
	var page struct{ Actions []map[string]string }
	if err := json.NewDecoder(resp.Body).Decode(&page); err != nil {
		return 0, 0, err
	}
	for _, a := range page.Actions {
		amount, _ := strconv.ParseFloat(a["Amount"], 64)
		if a["PromoCode"] == "TEST" || amount > 200 {
			match++
		}
	}
	return match, len(page.Actions), nil
}

func expectedReversals(t *testing.T, url string) int {
	t.Helper()
	n, pending, err := matchingPending(url)
	if err != nil || n == 0 || pending == 0 {
		t.Fatalf("the demo data has nothing to reverse (%d of %d pending): %v", n, pending, err)
	}
	return n
}

func writes(calls []demotracker.Call) int {
	n := 0
	for _, c := range calls {
		if c.Method != "GET" {
			n++
		}
	}
	return n
}

func TestReversePresetDryRunThenRun(t *testing.T) {
	s := servicesNoWait(t, nil)
	c := testkit.DemoConn(t, s)
	url, _ := s.DemoURL()
	demo := s.Demo()
	want := expectedReversals(t, url)
	a, err := s.AutomationFromPreset("impact.reverse_test_actions", c.ID)
	if err != nil {
		t.Fatal(err)
	}

	dry, err := s.RunNow(context.Background(), a.ID, true, "manual")
	if err != nil || dry.Status != core.RunCompleted {
		t.Fatalf("dry run: %v %s %s", err, dry.Status, dry.Error)
	}
	if n := writes(demo.Calls()); n != 0 {
		t.Fatalf("a dry run sent %d writes", n)
	}
	held := 0
	items, _ := s.DB.ListItems(core.ItemFilter{RunID: dry.ID, Step: "2", Limit: 500})
	for _, it := range items.Items {
		for _, st := range it.Steps {
			for _, r := range st.Requests {
				if r.NotSent && r.Method == "DELETE" && strings.Contains(r.Body, "DispositionCode=CONS_FRAUD") {
					held++
				}
			}
		}
	}
	journal, _ := s.DB.Writes(dry.ID)
	if held != want || dry.Steps[1].Items.Succeeded != want || len(journal) != want || journal[0].Outcome != core.OutcomeNotSent {
		t.Fatalf("dry run shows %d reversals (%d succeeded), want %d", held, dry.Steps[1].Items.Succeeded, want)
	}

	run, err := s.RunNow(context.Background(), a.ID, false, "manual")
	if err != nil || run.Status != core.RunCompleted {
		t.Fatalf("run: %v %s %s", err, run.Status, run.Error)
	}
	c2 := *run.Steps[1].Items
	if c2.Succeeded != want || c2.Failed != 0 || c2.Succeeded+c2.Skipped != c2.Total || writes(demo.Calls()) != want {
		t.Fatalf("counts %+v, writes %d, want %d", c2, writes(demo.Calls()), want)
	}
	if left, _, err := matchingPending(url); err != nil || left != 0 {
		t.Errorf("%d matching actions are still pending (%v)", left, err)
	}
	stored, _ := s.DB.GetRun(run.ID)
	if stored.Status != core.RunCompleted || stored.Variables["items_succeeded"] != strconv.Itoa(want) {
		t.Errorf("stored run %s %v", stored.Status, stored.Variables["items_succeeded"])
	}
}

func TestEveryAutomationPresetRunsOnDemo(t *testing.T) {
	s := servicesNoWait(t, nil)
	c := testkit.DemoConn(t, s)
	if err := s.SaveSMTP(service.SMTPSettings{SMTP: notifyDemo()}); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"impact.reverse_test_actions", "affise.weekly_stats_email", "affise.pause_capped_offer", "cake.onboard_postbacks"} {
		t.Run(id, func(t *testing.T) {
			a, err := s.AutomationFromPreset(id, c.ID)
			if err != nil {
				t.Fatal(err)
			}
			run, err := s.RunNow(context.Background(), a.ID, false, "manual")
			if err != nil || run.Status != core.RunCompleted {
				t.Fatalf("%v %s: %s", err, run.Status, run.Error)
			}
		})
	}
	box := s.Outbox()
	if len(box) != 1 || !strings.Contains(box[0].Subject, "Affiliate stats") || !strings.Contains(box[0].HTML, "<table") || !strings.Contains(box[0].HTML, "Blue Harbor Media") {
		t.Fatalf("outbox %+v", box)
	}
	offers := demoOfferStatus(t, s)
	if offers != "stopped" {
		t.Errorf("offer 101 is %q after the cap preset", offers)
	}
}

func demoOfferStatus(t *testing.T, s *service.Services) string {
	url, _ := s.DemoURL()
	req, _ := http.NewRequest("POST", url+"/3.0/admin/offer/101", nil)
	req.Header.Set("API-Key", core.DemoAPIKey)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out struct{ Offer struct{ Status string } }
	json.NewDecoder(resp.Body).Decode(&out)
	return out.Offer.Status
}

func TestAutomationValidationInTheApp(t *testing.T) {
	s := servicesNoWait(t, nil)
	c := testkit.DemoConn(t, s)
	a, _ := s.AutomationFromPreset("impact.reverse_test_actions", c.ID)
	tests := []struct {
		name   string
		change func(*core.Automation)
		field  string
	}{
		{"bad JSONPath", func(a *core.Automation) { a.Steps[0].Selections[0].Path = "$.Actions[?(@.State=='PENDING'" }, "steps.s1.selections[0].path"},
		{"missing template", func(a *core.Automation) { a.Steps[0].TemplateID = 999 }, "steps.s1.templateId"},
		{"approval in a loop", func(a *core.Automation) {
			a.Steps[1].Steps = append(a.Steps[1].Steps, core.Step{ID: "s9", Kind: core.StepApproval})
		}, "steps.s9.kind"},
		{"webhook JSON", func(a *core.Automation) {
			a.Steps = append(a.Steps, core.Step{ID: "s8", Kind: core.StepSendWebhook, Webhook: &core.WebhookConfig{URL: "https://x.example", Method: "POST", BodyKind: "json", Body: `{"n": {items_succeeded}}`}})
		}, "steps.s8.webhook.body"},
		{"unknown variable", func(a *core.Automation) { a.Steps[0].Values["CampaignId"] = "{campaign}" }, "steps.s1.values.CampaignId"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b core.Automation
			raw, _ := json.Marshal(a)
			json.Unmarshal(raw, &b)
			tt.change(&b)
			if _, err := s.SaveAutomation(b); core.ErrorField(err) != tt.field {
				t.Fatalf("field %q (%v), want %q", core.ErrorField(err), err, tt.field)
			}
		})
	}
}

func TestRunsAreInterruptedAfterACrash(t *testing.T) {
	dir := t.TempDir()
	s, err := service.Open(service.Config{DataDir: dir, Secrets: testkit.MemSecrets{}})
	if err != nil {
		t.Fatal(err)
	}
	r := core.Run{AutomationName: "Nightly", Status: core.RunRunning, StartedAt: time.Now().UTC(), Steps: []core.StepResult{{StepID: "s1", Status: core.StepOK}}}
	s.DB.SaveRun(&r)
	s.Close()
	s, err = service.Open(service.Config{DataDir: dir, Secrets: testkit.MemSecrets{}})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, _ := s.DB.GetRun(r.ID)
	if got.Status != core.RunInterrupted || len(got.Steps) != 1 || !strings.Contains(got.Error, "Nothing was replayed") {
		t.Fatalf("after restart: %+v", got)
	}
}

// TestWeeklyEmailThroughARealSMTPServer runs the weekly stats preset with
// a real SMTP server started in the test: the run mails the table; a dry
// run mails nothing.
func TestWeeklyEmailThroughARealSMTPServer(t *testing.T) {
	box := smtptest.Start(t, "bot@example.com", "mail-pass-123")
	s := servicesNoWait(t, nil)
	c := testkit.DemoConn(t, s)
	err := s.SaveSMTP(service.SMTPSettings{SMTP: notify.SMTP{Host: "127.0.0.1", Port: box.Port, Security: "none", Username: "bot@example.com", From: "bot@example.com"}, Password: "mail-pass-123"})
	if err != nil {
		t.Fatal(err)
	}
	a, err := s.AutomationFromPreset("affise.weekly_stats_email", c.ID)
	if err != nil {
		t.Fatal(err)
	}
	dry, err := s.RunNow(context.Background(), a.ID, true, "manual")
	if err != nil || dry.Status != core.RunCompleted || len(box.Messages()) != 0 {
		t.Fatalf("dry run: %v %s, %d messages", err, dry.Status, len(box.Messages()))
	}
	if rec := dry.Steps[2].Requests[0]; !rec.NotSent || rec.Kind != "email" || !strings.Contains(rec.Body, "<table") {
		t.Fatalf("the dry run must show the mail it held back: %+v", rec)
	}
	run, err := s.RunNow(context.Background(), a.ID, false, "manual")
	if err != nil || run.Status != core.RunCompleted {
		t.Fatalf("run: %v %s %s", err, run.Status, run.Error)
	}
	msgs := box.Messages()
	if len(msgs) != 1 || msgs[0].To[0] != "team@example.com" || !strings.Contains(msgs[0].Data, "Affiliate stats, week of 2026-11-09") ||
		!strings.Contains(msgs[0].Data, "<table") || !strings.Contains(msgs[0].Data, "Blue Harbor Media") {
		t.Fatalf("received %+v", msgs)
	}
	raw, _ := json.Marshal(run)
	if strings.Contains(string(raw), "mail-pass-123") {
		t.Fatal("the SMTP password reached the run record")
	}
}

// TestPresetScheduleSuggestedButOff: presets meant to repeat come with a
// schedule in the connection's timezone, saved off; the others have none.
func TestPresetScheduleSuggestedButOff(t *testing.T) {
	s, _ := testkit.MustServices(t, nil)
	c := testkit.SaveConn(t, s, core.ConnectionInput{Connection: core.Connection{Name: "Demo", Platform: core.PlatformDemo, Timezone: "Europe/Berlin"}})
	for _, tc := range []struct {
		preset string
		kind   string
	}{{"affise.weekly_stats_email", core.ScheduleWeekly}, {"affise.pause_capped_offer", core.ScheduleEvery}, {"impact.reverse_test_actions", ""}} {
		a, err := s.AutomationFromPreset(tc.preset, c.ID)
		if err != nil {
			t.Fatalf("%s: %v", tc.preset, err)
		}
		switch {
		case tc.kind == "" && a.Schedule != nil:
			t.Errorf("%s: unexpected schedule %+v", tc.preset, a.Schedule)
		case tc.kind != "" && (a.Schedule == nil || a.Schedule.Kind != tc.kind || a.Schedule.Enabled || a.Schedule.Timezone != "Europe/Berlin"):
			t.Errorf("%s: schedule %+v, want %s off in Europe/Berlin", tc.preset, a.Schedule, tc.kind)
		}
	}
}
