package core_test

import (
	"strings"
	"testing"
	"time"

	"github.com/affdesk/affdesk/backend/core"
)

var impactList = []core.Rule{
	{Kind: core.RuleRequired, Params: []string{"CampaignId"}, Message: "CampaignId is required."},
	{Kind: core.RuleRequires, Params: []string{"StartDate", "EndDate"}, Message: "StartDate needs EndDate."},
	{Kind: core.RuleRequires, Params: []string{"EndDate", "StartDate"}, Message: "EndDate needs StartDate."},
	{Kind: core.RuleNotBefore, Params: []string{"StartDate", "EndDate"}, Message: "EndDate is before StartDate."},
	{Kind: core.RuleMaxSpan, Params: []string{"StartDate", "EndDate"}, Days: 45, Message: "At most 45 days apart."},
	{Kind: core.RuleMaxAge, Params: []string{"StartDate"}, Days: 3 * 365, Message: "At most 3 years back."},
	{Kind: core.RuleIntRange, Params: []string{"PageSize"}, Min: 2000, Max: 20000, Message: "PageSize 2,000 to 20,000."},
	{Kind: core.RuleOneOf, Groups: [][]string{{"ActionId"}, {"ActionTrackerId", "OrderId"}}, Message: "ActionId, or ActionTrackerId and OrderId."},
}

func TestCheckRules(t *testing.T) {
	now := time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)
	base := map[string]string{"CampaignId": "1000", "ActionId": "1000.1.2"}
	tests := []struct {
		name      string
		set       map[string]string
		wantField string
		wantMsg   string
	}{
		{"ok", nil, "", ""},
		{"required", map[string]string{"CampaignId": ""}, "values.CampaignId", "CampaignId is required."},
		{"start needs end", map[string]string{"StartDate": "2026-11-01T00:00:00Z"}, "values.EndDate", "StartDate needs EndDate."},
		{"end needs start", map[string]string{"EndDate": "2026-11-01T00:00:00Z"}, "values.StartDate", "EndDate needs StartDate."},
		{"reversed", map[string]string{"StartDate": "2026-11-10T00:00:00Z", "EndDate": "2026-11-01T00:00:00Z"}, "values.EndDate", "before"},
		{"45 days exactly", map[string]string{"StartDate": "2026-10-01T00:00:00Z", "EndDate": "2026-11-15T00:00:00Z"}, "", ""},
		{"45 days and a second", map[string]string{"StartDate": "2026-10-01T00:00:00Z", "EndDate": "2026-11-15T00:00:01Z"}, "values.StartDate", "45 days"},
		{"60 days", map[string]string{"StartDate": "2026-09-01T00:00:00Z", "EndDate": "2026-10-31T00:00:00Z"}, "values.StartDate", "45 days"},
		{"3 years back", map[string]string{"StartDate": "2023-11-01T00:00:00Z", "EndDate": "2023-11-10T00:00:00Z"}, "values.StartDate", "3 years"},
		{"page size low", map[string]string{"PageSize": "100"}, "values.PageSize", "2,000"},
		{"page size high", map[string]string{"PageSize": "20001"}, "values.PageSize", "2,000"},
		{"page size ok", map[string]string{"PageSize": "2000"}, "", ""},
		{"identity by tracker and order", map[string]string{"ActionId": "", "ActionTrackerId": "2240", "OrderId": "9"}, "", ""},
		{"identity incomplete", map[string]string{"ActionId": "", "ActionTrackerId": "2240"}, "values.ActionId", "ActionTrackerId and OrderId"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := map[string]string{}
			for k, x := range base {
				v[k] = x
			}
			for k, x := range tt.set {
				v[k] = x
			}
			err := core.CheckRules(impactList, v, now)
			if core.ErrorField(err) != tt.wantField || !strings.Contains(core.ErrorMessage(err), tt.wantMsg) {
				t.Fatalf("err = %v (field %q), want %q %q", err, core.ErrorField(err), tt.wantField, tt.wantMsg)
			}
		})
	}
}

func TestBrokenSpanAndSplit(t *testing.T) {
	v := map[string]string{"StartDate": "2026-09-01T00:00:00Z", "EndDate": "2026-10-31T00:00:00Z"}
	r, ok := core.BrokenSpan(impactList, v)
	if !ok || !r.Splittable() || r.Days != 45 {
		t.Fatalf("span rule %+v %v", r, ok)
	}
	from, _ := time.Parse(time.RFC3339, v["StartDate"])
	to, _ := time.Parse(time.RFC3339, v["EndDate"])
	ws, err := core.SplitWindows(from, to, 45)
	if err != nil || len(ws) != 2 {
		t.Fatalf("windows %v %v", ws, err)
	}
	if !ws[0].From.Equal(from) || !ws[1].To.Equal(to) || !ws[1].From.Equal(ws[0].To) || ws[0].To.Sub(ws[0].From) != 45*24*time.Hour {
		t.Errorf("windows leave gaps or exceed the span: %v", ws)
	}
	days, _ := core.SplitWindows(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), 45)
	if len(days) != 2 || !days[1].From.Equal(days[0].To) {
		t.Errorf("date windows: %v", days)
	}
	exact, _ := core.SplitWindows(from, from.AddDate(0, 0, 90), 45)
	if len(exact) != 2 || !exact[1].To.Equal(from.AddDate(0, 0, 90)) {
		t.Errorf("a range of exactly two spans gives %v", exact)
	}
	one, _ := core.SplitWindows(from, from, 45)
	if len(one) != 1 {
		t.Errorf("a zero-length range gives %d windows", len(one))
	}
	if _, err := core.SplitWindows(to, from, 45); err == nil {
		t.Error("a reversed range split")
	}
	spans := []core.Rule{{Kind: core.RuleMaxSpan, Params: []string{"ActionDateStart", "ActionDateEnd"}, Days: 45},
		{Kind: core.RuleMaxSpan, Params: []string{"LockingDateStart", "LockingDateEnd"}, Days: 45}}
	two := core.BrokenSpans(spans, map[string]string{"ActionDateStart": "2026-01-01T00:00:00Z", "ActionDateEnd": "2026-03-01T00:00:00Z",
		"LockingDateStart": "2026-02-01T00:00:00Z", "LockingDateEnd": "2026-04-01T00:00:00Z"})
	if len(two) != 2 || two[0].Params[0] != "ActionDateStart" || two[1].Params[0] != "LockingDateStart" {
		t.Errorf("broken spans %+v", two)
	}
	if got := core.FormatLike(ws[1].From, "2026-09-01T00:00:00-07:00"); !strings.HasSuffix(got, "-07:00") {
		t.Errorf("FormatLike kept no zone: %s", got)
	}
	if got := core.FormatLike(days[1].From, "2026-01-01"); got != "2026-02-15" {
		t.Errorf("FormatLike date: %s", got)
	}
}
