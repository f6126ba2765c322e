package demotracker_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/demotracker"
)

var day = time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)

func start(t *testing.T) *demotracker.Server {
	t.Helper()
	s, err := demotracker.Start("127.0.0.1:0", func() time.Time { return day })
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

type call struct {
	method, path, body string
	header             map[string]string
	basic              bool
}

func do(t *testing.T, s *demotracker.Server, c call) (int, map[string]any, string) {
	t.Helper()
	req, _ := http.NewRequest(c.method, s.URL+c.path, strings.NewReader(c.body))
	for k, v := range c.header {
		req.Header.Set(k, v)
	}
	if c.basic {
		req.SetBasicAuth(core.DemoAccountSID, core.DemoAuthToken)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var m map[string]any
	_ = json.Unmarshal(raw, &m)
	return resp.StatusCode, m, string(raw)
}

var jsonAccept = map[string]string{"Accept": "application/json"}

func impactPath(rest string) string { return "/Advertisers/" + core.DemoAccountSID + rest }

func TestImpactAuthAndFormat(t *testing.T) {
	s := start(t)
	code, body, _ := do(t, s, call{method: "GET", path: impactPath("/Actions?CampaignId=1000"), header: jsonAccept})
	if code != 401 || body["Status"] != "ERROR" {
		t.Fatalf("no auth: %d %v", code, body)
	}
	code, _, _ = do(t, s, call{method: "GET", path: "/Advertisers/IROTHER/Actions?CampaignId=1000", header: jsonAccept, basic: true})
	if code != 403 {
		t.Fatalf("other SID: %d", code)
	}
	code, _, raw := do(t, s, call{method: "GET", path: impactPath("/Actions?CampaignId=1000"), basic: true})
	if code != 200 || !strings.Contains(raw, "<ImpactRadiusResponse>") {
		t.Fatalf("no Accept gives XML: %d %s", code, raw)
	}
}

func TestImpactListRules(t *testing.T) {
	s := start(t)
	tests := []struct {
		name, query string
		wantCode    int
		wantMsg     string
	}{
		{"default is the last 7 days", "CampaignId=1000", 200, ""},
		{"campaign required", "", 400, "CampaignId is required"},
		{"start needs end", "CampaignId=1000&StartDate=2026-11-01T00:00:00Z", 400, "must be used together"},
		{"45 days at most", "CampaignId=1000&StartDate=2026-09-01T00:00:00Z&EndDate=2026-11-01T00:00:00Z", 400, "more than 45 days apart"},
		{"3 years back at most", "CampaignId=1000&StartDate=2023-01-01T00:00:00Z&EndDate=2023-01-10T00:00:00Z", 400, "3 years"},
		{"time required", "CampaignId=1000&StartDate=2026-11-01&EndDate=2026-11-10", 400, "ISO 8601"},
		{"page size floor", "CampaignId=1000&PageSize=100", 400, "2000 to 20000"},
		{"45 days exactly", "CampaignId=1000&ActionDateStart=2026-10-06T00:00:00Z&ActionDateEnd=2026-11-20T00:00:00Z", 200, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, body, raw := do(t, s, call{method: "GET", path: impactPath("/Actions?" + tt.query), header: jsonAccept, basic: true})
			if code != tt.wantCode || !strings.Contains(raw, tt.wantMsg) {
				t.Fatalf("%d %s", code, raw)
			}
			if code == 200 {
				for _, k := range []string{"@page", "@numpages", "@pagesize", "@total", "@nextpageuri"} {
					if _, ok := body[k].(string); !ok {
						t.Errorf("%s missing or not a string", k)
					}
				}
			}
		})
	}
}

func TestImpactDataIsDeterministic(t *testing.T) {
	a, b := start(t), start(t)
	q := impactPath("/Actions?CampaignId=1000&ActionDateStart=2026-10-10T00:00:00Z&ActionDateEnd=2026-11-20T00:00:00Z")
	_, _, ra := do(t, a, call{method: "GET", path: q, header: jsonAccept, basic: true})
	_, body, rb := do(t, b, call{method: "GET", path: q, header: jsonAccept, basic: true})
	if ra != rb {
		t.Fatal("two servers on the same day gave different data")
	}
	if n := len(body["Actions"].([]any)); n < 100 {
		t.Errorf("only %d actions in 41 days", n)
	}
}

func TestImpactReverseAndUpdate(t *testing.T) {
	s := start(t)
	form := map[string]string{"Accept": "application/json", "Content-Type": "application/x-www-form-urlencoded"}
	code, _, raw := do(t, s, call{method: "DELETE", path: impactPath("/Actions"), body: "ActionId=1000.4636.158133", header: form, basic: true})
	if code != 400 || !strings.Contains(raw, "DispositionCode is required") {
		t.Fatalf("reverse without code: %d %s", code, raw)
	}
	code, body, _ := do(t, s, call{method: "DELETE", path: impactPath("/Actions"), body: "ActionId=1000.4636.158133&DispositionCode=CONS_FRAUD", header: form, basic: true})
	if code != 200 || body["Status"] != "QUEUED" || !strings.HasPrefix(body["QueuedUri"].(string), impactPath("/APISubmissions/A-")) {
		t.Fatalf("reverse: %d %v", code, body)
	}
	_, got, _ := do(t, s, call{method: "GET", path: impactPath("/Actions/1000.4636.158133"), header: jsonAccept, basic: true})
	if got["State"] != "REVERSED" {
		t.Fatalf("state after reverse = %v", got["State"])
	}
	code, _, raw = do(t, s, call{method: "PUT", path: impactPath("/Actions"), body: "ActionId=1000.4636.158133&Reason=ORDER_UPDATE", header: form, basic: true})
	if code != 400 || !strings.Contains(raw, "can no longer be changed") {
		t.Fatalf("update of reversed: %d %s", code, raw)
	}
}

func TestAffise(t *testing.T) {
	s := start(t)
	key := map[string]string{"API-Key": core.DemoAPIKey}
	tests := []struct {
		name     string
		c        call
		wantCode int
		want     string
	}{
		{"no key", call{method: "GET", path: "/3.0/admin/partner/1"}, 401, `"Token is necessary"`},
		{"wrong key", call{method: "GET", path: "/3.0/admin/partner/1", header: map[string]string{"API-Key": "nope"}}, 403, `"Auth Denied"`},
		{"partner", call{method: "GET", path: "/3.0/admin/partner/1", header: key}, 200, `"partner"`},
		{"unknown partner", call{method: "GET", path: "/3.0/admin/partner/999", header: key}, 404, `"Page Not Found"`},
		{"key in query", call{method: "GET", path: "/3.0/admin/partner/1?API-Key=" + core.DemoAPIKey}, 200, `"status": 1`},
		{"bad status inside 200", call{method: "POST", path: "/3.0/admin/partner/1?status=sleeping", header: key}, 200, `"status": 2`},
		{"edit by query (go-sdk style)", call{method: "POST", path: "/3.0/admin/partner/2?status=banned", header: key}, 200, `"banned"`},
		{"offer status", call{method: "POST", path: "/3.0/admin/offer/101", body: "status=stopped", header: map[string]string{"API-Key": core.DemoAPIKey, "Content-Type": "application/x-www-form-urlencoded"}}, 200, `"stopped"`},
		{"conversion edit", call{method: "POST", path: "/3.0/admin/conversion/edit", body: "ids%5B%5D=a&ids%5B%5D=b&status=confirmed", header: map[string]string{"API-Key": core.DemoAPIKey, "Content-Type": "application/x-www-form-urlencoded"}}, 200, "take a few minutes"},
		{"postback", call{method: "POST", path: "/3.0/partner/postback", body: "pid=1&url=https%3A%2F%2Fx", header: map[string]string{"API-Key": core.DemoAPIKey, "Content-Type": "application/x-www-form-urlencoded"}}, 200, `"by_creating"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, raw := do(t, s, tt.c)
			if code != tt.wantCode || !strings.Contains(raw, tt.want) {
				t.Fatalf("%d %s", code, raw)
			}
		})
	}
	_, body, _ := do(t, s, call{method: "GET", path: "/3.0/admin/partners?limit=5&page=3", header: key})
	pg := body["pagination"].(map[string]any)
	if pg["next_page"] != false || pg["total_count"] != 12.0 || len(body["partners"].([]any)) != 2 {
		t.Fatalf("last page: %v", pg)
	}
}

func TestCakeBinomEverflow(t *testing.T) {
	s := start(t)
	jsonCT := map[string]string{"Content-Type": "application/json"}
	tests := []struct {
		name     string
		c        call
		wantCode int
		want     string
	}{
		{"cake bad key in 200", call{method: "POST", path: "/api/2/affiliate_postback.json", body: `{"api_key":"x"}`, header: jsonCT}, 200, "Invalid API Key"},
		{"cake missing field", call{method: "POST", path: "/api/2/affiliate_postback.json", body: `{"api_key":"` + core.DemoAPIKey + `","affiliate_id":1}`, header: jsonCT}, 400, "offer_id is required"},
		{"cake postback", call{method: "POST", path: "/api/2/affiliate_postback.json", body: `{"api_key":"` + core.DemoAPIKey + `","affiliate_id":67890,"offer_id":0,"postback_url":"https://x/?c=#reqsessid#"}`, header: jsonCT}, 200, `"request_status": "Success"`},
		{"cake list", call{method: "GET", path: "/api/2/affiliates.json?row_limit=3&api_key=" + url.QueryEscape(core.DemoAPIKey)}, 200, `"row_count": 12`},
		{"binom no key", call{method: "GET", path: "/public/api/v1/campaign/1"}, 401, "Invalid API key"},
		{"binom campaign", call{method: "GET", path: "/public/api/v1/campaign/1", header: map[string]string{"api-key": core.DemoAPIKey}}, 200, `"trafficSourceId"`},
		{"binom report", call{method: "GET", path: "/public/api/v1/report/campaign?datePreset=last_7_days", header: map[string]string{"api-key": core.DemoAPIKey}}, 200, `"entity_id"`},
		{"everflow no key", call{method: "GET", path: "/v1/networks/affiliates/7"}, 401, "No Authentication Method Found"},
		{"everflow affiliate", call{method: "GET", path: "/v1/networks/affiliates/7", header: map[string]string{"X-Eflow-API-Key": core.DemoAPIKey}}, 200, `"network_affiliate_id": 7`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, raw := do(t, s, tt.c)
			if code != tt.wantCode || !strings.Contains(raw, tt.want) {
				t.Fatalf("%d %s", code, raw)
			}
		})
	}
	if n := len(s.Calls()); n != len(tests) {
		t.Errorf("recorded %d calls, made %d", n, len(tests))
	}
}

func TestFaults(t *testing.T) {
	s := start(t)
	s.Inject(demotracker.Fault{PathPrefix: "/3.0/", Times: 2, Status: 503, Body: "<html>Service Unavailable</html>", Header: map[string]string{"Retry-After": "1"}})
	key := map[string]string{"API-Key": core.DemoAPIKey}
	for i := 0; i < 2; i++ {
		code, _, raw := do(t, s, call{method: "GET", path: "/3.0/admin/partner/1", header: key})
		if code != 503 || !strings.Contains(raw, "Service Unavailable") {
			t.Fatalf("fault %d: %d %s", i, code, raw)
		}
	}
	if code, _, _ := do(t, s, call{method: "GET", path: "/3.0/admin/partner/1", header: key}); code != 200 {
		t.Fatalf("after the faults: %d", code)
	}
	s.Inject(demotracker.Fault{PathPrefix: "/3.0/", Times: 1, Truncate: true})
	_, body, raw := do(t, s, call{method: "GET", path: "/3.0/admin/partner/1", header: key})
	if body != nil || !strings.HasPrefix(raw, "{") {
		t.Fatalf("truncated body parsed: %s", raw)
	}
}

func TestImpactPagesAtTheMinimumPageSize(t *testing.T) {
	s := start(t)
	q := "/Actions?CampaignId=1000&PageSize=2000&ActionDateStart=2026-10-06T00:00:00Z&ActionDateEnd=2026-11-20T00:00:00Z"
	_, first, _ := do(t, s, call{method: "GET", path: impactPath(q), header: jsonAccept, basic: true})
	if first["@numpages"] != "2" || len(first["Actions"].([]any)) != 2000 || first["@nextpageuri"] == "" {
		t.Fatalf("first page: %v pages, %d actions", first["@numpages"], len(first["Actions"].([]any)))
	}
	_, second, _ := do(t, s, call{method: "GET", path: first["@nextpageuri"].(string), header: jsonAccept, basic: true})
	if second["@page"] != "2" || second["@nextpageuri"] != "" || len(second["Actions"].([]any)) == 0 {
		t.Fatalf("second page: %v", second["@page"])
	}
}
