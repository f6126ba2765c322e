package service_test

import (
	"context"
	"io"
	"mime/quotedprintable"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/affdesk/affdesk/app/internal/testkit"
	"github.com/affdesk/affdesk/app/service"
	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/notify"
	"github.com/affdesk/affdesk/backend/notify/smtptest"
	"github.com/shopspring/decimal"
)

func TestNumberFormatSetting(t *testing.T) {
	s, _ := testkit.MustServices(t, nil)
	if got := s.NumberFormat(); got != core.FormatCommaDot {
		t.Fatalf("default %q", got)
	}
	tests := []struct {
		in, want  string
		wantField string
	}{
		{"1.234,56", "1.234,56", ""},
		{"1 234,56", "1 234,56", ""},
		{"1234.56", "1234.56", ""},
		{"1,234.56", "1,234.56", ""},
		{"1'234.56", "1,234.56", "numberFormat"},
		{"", "1,234.56", "numberFormat"},
	}
	for _, tt := range tests {
		err := s.SetNumberFormat(tt.in)
		if core.ErrorField(err) != tt.wantField {
			t.Errorf("SetNumberFormat(%q) = %v, want field %q", tt.in, err, tt.wantField)
		}
		if got := s.NumberFormat(); string(got) != tt.want {
			t.Errorf("after %q: %q, want %q", tt.in, got, tt.want)
		}
	}
	if err := s.DB.SetSetting("number_format", "garbage"); err != nil {
		t.Fatal(err)
	}
	if got := s.NumberFormat(); got != core.DefaultNumberFormat {
		t.Errorf("a stored value no door accepts reads as %q, want the default", got)
	}
}

// TestPickedPayoutReachesTheBody picks payouts from a loopback tracker's
// response and writes each back with a PUT: the body carries the same
// number, never float noise.
func TestPickedPayoutReachesTheBody(t *testing.T) {
	var mu sync.Mutex
	var bodies []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if r.Method == "GET" {
			io.WriteString(w, `{"offers":[{"id":"o1","payout":19.90},{"id":"o2","payout":0.3},{"id":"o3","payout":2498.21},{"id":"o4","payout":"0.10"}],"top":2664.27}`)
			return
		}
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		bodies = append(bodies, r.URL.Path+" "+string(b))
		mu.Unlock()
		io.WriteString(w, `{"ok":true}`)
	}))
	defer srv.Close()
	s := servicesNoWait(t, nil)
	c := customConn(t, s, srv.URL)
	list, err := s.SaveTemplate(testkit.GetTemplate(c.ID, "/offers"))
	if err != nil {
		t.Fatal(err)
	}
	put, err := s.SaveTemplate(core.ActionTemplate{Name: "Set payout", ConnectionID: c.ID, Kind: core.KindEdit, Method: "PUT", Path: "/offers/{id}", BodyEncoding: core.BodyJSON,
		Params: []core.Param{{Name: "id", In: core.InPath, Type: core.TypeString, Required: true}, {Name: "payout", In: core.InBody, Type: core.TypeNumber, Required: true}}})
	if err != nil {
		t.Fatal(err)
	}
	a, err := s.SaveAutomation(core.Automation{Name: "Copy payouts", Trigger: core.Trigger{Kind: "manual"}, Steps: []core.Step{
		{ID: "s1", Kind: core.StepActionGet, Name: "List", TemplateID: list.ID, Selections: []core.Selection{{Path: "$.offers[*]", Variable: "offers"}, {Path: "$.top", Variable: "top_action_1"}}},
		{ID: "s2", Kind: core.StepForEach, Name: "Each", Over: "{offers}", Steps: []core.Step{
			{ID: "s3", Kind: core.StepActionEdit, Name: "Write", TemplateID: put.ID, Values: map[string]string{"id": "{item.id}", "payout": "{item.payout}"}}}},
		{ID: "s4", Kind: core.StepActionEdit, Name: "Write top", TemplateID: put.ID, Values: map[string]string{"id": "top", "payout": "{top_action_1}"}},
	}})
	if err != nil {
		t.Fatal(err)
	}
	run, err := s.RunNow(context.Background(), a.ID, false, "manual")
	if err != nil || run.Status != core.RunCompleted {
		t.Fatalf("run: %v %s %s", err, run.Status, run.Error)
	}
	slices.Sort(bodies)
	want := []string{`/offers/o1 {"payout":19.9}`, `/offers/o2 {"payout":0.3}`, `/offers/o3 {"payout":2498.21}`, `/offers/o4 {"payout":0.1}`, `/offers/top {"payout":2664.27}`}
	if strings.Join(bodies, "\n") != strings.Join(want, "\n") {
		t.Fatalf("PUT bodies\n%s\nwant\n%s", strings.Join(bodies, "\n"), strings.Join(want, "\n"))
	}
}

// TestWeeklyEmailWritesTotalsInTheChosenFormat runs the weekly preset on
// the demo tracker with Settings on 1.234,56 and a real SMTP server:
// the subject names the week the data covers and the exact revenue total
// as money in that format, and the table writes its cells the same way.
func TestWeeklyEmailWritesTotalsInTheChosenFormat(t *testing.T) {
	box := smtptest.Start(t, "bot@example.com", "mail-pass-123")
	s := servicesNoWait(t, nil)
	c := testkit.DemoConn(t, s)
	if err := s.SaveSMTP(service.SMTPSettings{SMTP: notify.SMTP{Host: "127.0.0.1", Port: box.Port, Security: "none", Username: "bot@example.com", From: "bot@example.com"}, Password: "mail-pass-123"}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetNumberFormat("1.234,56"); err != nil {
		t.Fatal(err)
	}
	a, err := s.AutomationFromPreset("affise.weekly_stats_email", c.ID)
	if err != nil {
		t.Fatal(err)
	}
	pull, err := s.TestPull(*a.Steps[0].Stats)
	if err != nil || pull.Rows == 0 || pull.Rows != len(pull.Dataset.Rows) {
		t.Fatalf("test pull: %v, %d rows", err, pull.Rows)
	}
	sum := decimal.Zero
	for _, row := range pull.Dataset.Rows {
		d, _ := core.ToDecimal(row["revenue"])
		sum = sum.Add(d)
	}
	want := "Affiliate stats, week of 2026-11-09: " + core.FormatDotComma.FormatDecimal(sum, core.ColumnMoney) + " revenue"
	if !regexp.MustCompile(`^\d{1,3}(\.\d{3})*,\d\d$`).MatchString(pull.Display[0]["revenue"]) {
		t.Errorf("the Test Pull table shows revenue as %q", pull.Display[0]["revenue"])
	}
	run, err := s.RunNow(context.Background(), a.ID, false, "manual")
	if err != nil || run.Status != core.RunCompleted || len(box.Messages()) != 1 {
		t.Fatalf("run: %v %s %s", err, run.Status, run.Error)
	}
	data, _ := io.ReadAll(quotedprintable.NewReader(strings.NewReader(box.Messages()[0].Data)))
	if !strings.Contains(string(data), want) {
		t.Errorf("the email lacks %q:\n%s", want, data)
	}
	if !strings.Contains(string(data), `<td style="text-align:right">`+pull.Display[0]["revenue"]+`</td>`) {
		t.Errorf("the table does not write %s as the preview does:\n%s", pull.Display[0]["revenue"], data)
	}
}
