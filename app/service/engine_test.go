package service_test

import (
	"bytes"
	"encoding/json"
	"log"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/affdesk/affdesk/app/internal/testkit"
	"github.com/affdesk/affdesk/app/service"
	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/demotracker"
)

func servicesNoWait(t *testing.T, sec core.SecretStore) *service.Services {
	t.Helper()
	if sec == nil {
		sec = testkit.MemSecrets{}
	}
	s, err := service.Open(service.Config{DataDir: t.TempDir(), Secrets: sec, Now: func() time.Time { return testkit.Fixed }, Sleep: testkit.NoWait})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func countActions(t *testing.T, s *service.Services, res service.TestResult) int {
	t.Helper()
	page, err := s.ResponseNodes(res.ResponseID, []any{"Actions"}, 0, 1)
	if err != nil {
		t.Fatal(err)
	}
	return page.Total
}

// TestSixtyDaysOnDemoImpact is the request engine's acceptance check: a
// 60-day range is refused with the 45-day rule before anything is sent,
// and with splitting on comes back as merged windows.
func TestSixtyDaysOnDemoImpact(t *testing.T) {
	s := servicesNoWait(t, nil)
	c := testkit.DemoConn(t, s)
	tpl, _ := s.TemplateFromPreset("impact.actions.list", c.ID)
	values := map[string]string{"CampaignId": "1000", "ActionDateStart": "2026-09-21T00:00:00Z", "ActionDateEnd": "2026-11-20T00:00:00Z", "PageSize": "2000"}

	_, err := s.TestTemplate(service.TestInput{Template: tpl, Values: values})
	if core.ErrorField(err) != "values.ActionDateStart" || !strings.Contains(err.Error(), "more than 45 days apart") || !strings.Contains(err.Error(), "Split long date ranges") {
		t.Fatalf("60 days without splitting: %v", err)
	}

	tpl.SplitRanges = true
	res, err := s.TestTemplate(service.TestInput{Template: tpl, Values: values})
	if err != nil || res.Error != "" || res.TrackerError != "" {
		t.Fatalf("split: %v %q %q", err, res.Error, res.TrackerError)
	}
	if res.Windows != 2 || res.Pages != 3 || len(res.Exchanges) != 3 {
		t.Fatalf("windows %d pages %d exchanges %d", res.Windows, res.Pages, len(res.Exchanges))
	}
	whole := countActions(t, s, res)
	if whole < 2900 || whole > 3000 {
		t.Fatalf("merged %d actions, want the ~3,000 of 60 days", whole)
	}
	tpl.SplitRanges = false
	first, _ := s.TestTemplate(service.TestInput{Template: tpl, Values: map[string]string{"CampaignId": "1000", "ActionDateStart": "2026-09-21T00:00:00Z", "ActionDateEnd": "2026-11-05T00:00:00Z", "PageSize": "2000"}})
	second, _ := s.TestTemplate(service.TestInput{Template: tpl, Values: map[string]string{"CampaignId": "1000", "ActionDateStart": "2026-11-05T00:00:01Z", "ActionDateEnd": "2026-11-20T00:00:00Z", "PageSize": "2000"}})
	if a, b := countActions(t, s, first), countActions(t, s, second); a+b != whole || first.Pages != 2 {
		t.Fatalf("windows by hand: %d + %d, merged %d (first %d pages)", a, b, whole, first.Pages)
	}
}

func TestRetriesShowInTheTestResult(t *testing.T) {
	// The clock moves on with each wait, so a Retry-After, once waited,
	// does not hold the next attempt again.
	s := openAt(t, t.TempDir(), testkit.MemSecrets{}, &stepClock{t: testkit.Fixed})
	defer s.Close()
	c := testkit.DemoConn(t, s)
	url, _ := s.DemoURL()
	demo := demoServer(t, s, url)
	demo.Inject(demotracker.Fault{PathPrefix: "/3.0/admin/partner/", Times: 2, Status: 503, Body: "<html>busy</html>", Header: map[string]string{"Retry-After": "2"}})
	tpl, _ := s.TemplateFromPreset("affise.partner.get", c.ID)
	res, err := s.TestTemplate(service.TestInput{Template: tpl, Values: map[string]string{"affiliate_id": "1"}})
	if err != nil || res.Status != 200 || len(res.Exchanges) != 1 {
		t.Fatalf("res %+v err %v", res, err)
	}
	at := res.Exchanges[0].Attempts
	if len(at) != 3 || at[0].Status != 503 || at[1].WaitMs != 2000 || !strings.Contains(at[0].Retry, "HTTP 503") {
		t.Fatalf("attempts %+v", at)
	}
	postback, _ := s.TemplateFromPreset("affise.postback.create", c.ID)
	values := map[string]string{"pid": "1", "url": "https://partner.example/pb?click={clickid}"}
	demo.Inject(demotracker.Fault{PathPrefix: "/3.0/partner/postback", Times: 1, Status: 503})
	res, err = s.TestTemplate(service.TestInput{Template: postback, Values: values, Confirmed: true})
	if err != nil || len(res.Exchanges[0].Attempts) != 2 || res.Status != 200 || res.Outcome != core.OutcomeSent {
		t.Fatalf("a POST refused with 503 was not sent again: %+v %v", res, err)
	}
	demo.Inject(demotracker.Fault{PathPrefix: "/3.0/partner/postback", Times: 1, Status: 502})
	res, err = s.TestTemplate(service.TestInput{Template: postback, Values: values, Confirmed: true})
	if err != nil || len(res.Exchanges[0].Attempts) != 1 || res.Outcome != core.OutcomeUnknown || !strings.Contains(res.Error, "may or may not have been applied") {
		t.Fatalf("a POST after a 502 was resent or its unknown outcome hidden: %+v %v", res, err)
	}
}

// demoServer finds the running demo tracker to inject faults into it.
func demoServer(t *testing.T, s *service.Services, url string) *demotracker.Server {
	t.Helper()
	d := s.Demo()
	if d == nil || d.URL != url {
		t.Fatal("no demo tracker")
	}
	return d
}

func TestTruncatedAndHugeBodies(t *testing.T) {
	s := servicesNoWait(t, nil)
	c := testkit.DemoConn(t, s)
	url, _ := s.DemoURL()
	demo := demoServer(t, s, url)
	tpl, _ := s.TemplateFromPreset("affise.partner.get", c.ID)
	demo.Inject(demotracker.Fault{PathPrefix: "/3.0/admin/partner/", Times: 1, Truncate: true})
	res, err := s.TestTemplate(service.TestInput{Template: tpl, Values: map[string]string{"affiliate_id": "1"}})
	if err != nil || res.IsJSON || res.Text == "" || !strings.Contains(res.Note, "not JSON") {
		t.Fatalf("truncated: %+v %v", res, err)
	}
	if err := s.SetMaxResponseMB(1); err != nil {
		t.Fatal(err)
	}
	demo.Inject(demotracker.Fault{PathPrefix: "/3.0/admin/partner/", Times: 1, Status: 200, Body: strings.Repeat("x", 2<<20)})
	res, err = s.TestTemplate(service.TestInput{Template: tpl, Values: map[string]string{"affiliate_id": "1"}})
	if err != nil || !strings.Contains(res.Error, "larger than the 1 MiB limit") {
		t.Fatalf("huge: %+v %v", res.Error, err)
	}
	if err := s.SetMaxResponseMB(0); core.ErrorField(err) != "maxResponseMB" {
		t.Errorf("0 MiB accepted: %v", err)
	}
}

// TestNoSecretInRecordsLogsOrErrors runs calls that fail every way a
// tracker can fail, with the key in a header and in the query, and checks
// the key appears in no result, error or log line.
func TestNoSecretInRecordsLogsOrErrors(t *testing.T) {
	var logs bytes.Buffer
	log.SetOutput(&logs)
	defer log.SetOutput(os.Stderr)
	s := servicesNoWait(t, nil)
	url, _ := s.DemoURL()
	demo := demoServer(t, s, url)
	const key = "sk-live-7f3a9c1e2b4d"
	for _, mode := range []string{"header", "query"} {
		c := testkit.SaveConn(t, s, core.ConnectionInput{Connection: core.Connection{Name: "Leaky " + mode, Platform: core.PlatformCustom,
			Settings: map[string]string{"base_url": url, "auth_mode": mode, "key_name": "API-Key"}}, Secrets: map[string]string{"api_key": key}})
		tpl := core.ActionTemplate{Name: "Get", ConnectionID: c.ID, Kind: core.KindGet, Method: "GET", Path: "/3.0/admin/partner/{id}", BodyEncoding: core.BodyJSON, Retries: 2,
			Params: []core.Param{{Name: "id", In: core.InPath, Type: core.TypeString, Required: true}, {Name: "note", In: core.InQuery, Type: core.TypeString}}}
		faults := []demotracker.Fault{
			{Status: 401, Body: `{"status":2,"message":"Token is necessary"}`},
			{Status: 429, Body: `{"error":"slow down"}`, Header: map[string]string{"Retry-After": "1"}},
			{Status: 500, Body: `{"error":"boom"}`},
			{Truncate: true},
			{Status: 200, Body: `{"status":2,"message":"Auth Denied"}`},
		}
		var all strings.Builder
		for _, f := range faults {
			f.PathPrefix, f.Times = "/3.0/admin/partner/", 3
			demo.Inject(f)
			res, err := s.TestTemplate(service.TestInput{Template: tpl, Values: map[string]string{"id": "1", "note": "echo " + key}})
			raw, _ := json.Marshal(res)
			all.Write(raw)
			if err != nil {
				all.WriteString(err.Error())
			}
		}
		cres, _ := s.CheckConnection(core.ConnectionInput{Connection: c})
		raw, _ := json.Marshal(cres)
		all.Write(raw)
		all.WriteString(logs.String())
		if strings.Contains(all.String(), key) || strings.Contains(all.String(), "7f3a9c1e2b4d") {
			t.Fatalf("%s: the key leaked: %s", mode, all.String())
		}
		if !strings.Contains(all.String(), "••••") {
			t.Fatalf("%s: nothing was masked, so nothing was checked", mode)
		}
	}
}
