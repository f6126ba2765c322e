package service_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/affdesk/affdesk/app/internal/testkit"
	"github.com/affdesk/affdesk/app/service"
	"github.com/affdesk/affdesk/backend/core"
)

func customConn(t *testing.T, s *service.Services, base string) core.Connection {
	return testkit.SaveConn(t, s, core.ConnectionInput{Connection: core.Connection{Name: "API", Platform: core.PlatformCustom,
		Settings: map[string]string{"base_url": base, "auth_mode": "bearer"}}, Secrets: map[string]string{"token": "bearer-token-0001"}})
}

func TestSaveTemplateChecksItsConnection(t *testing.T) {
	s, _ := testkit.MustServices(t, nil)
	affise := testkit.SaveConn(t, s, core.ConnectionInput{Connection: core.Connection{Name: "Affise", Platform: core.PlatformAffiseAdmin,
		Settings: map[string]string{"base_url": "https://api-a.affise.com"}}, Secrets: map[string]string{"api_key": "k-000000000001"}})
	tests := []struct {
		name      string
		tpl       core.ActionTemplate
		wantField string
	}{
		{"platform filled from connection", testkit.GetTemplate(affise.ID, "/3.0/admin/partners"), ""},
		{"unknown connection", testkit.GetTemplate(99, "/x"), "connectionId"},
		{"foreign dialect", func() core.ActionTemplate {
			x := testkit.GetTemplate(affise.ID, "/Actions")
			x.Platform = core.PlatformImpact
			return x
		}(), "platform"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.SaveTemplate(tt.tpl)
			if core.ErrorField(err) != tt.wantField {
				t.Fatalf("field %q (%v), want %q", core.ErrorField(err), err, tt.wantField)
			}
			if err == nil && got.Platform != core.PlatformAffiseAdmin {
				t.Errorf("platform = %q", got.Platform)
			}
		})
	}
	if _, err := s.TemplateFromPreset("impact.actions.list", affise.ID); core.ErrorField(err) != "platform" {
		t.Errorf("impact preset on an Affise connection: %v", err)
	}
	if _, err := s.TemplateFromPreset("nope", affise.ID); core.ErrorCode(err) != core.ENOTFOUND {
		t.Errorf("unknown preset: %v", err)
	}
}

// TestSaveRefusesSafeToRepeatOnDeltas proves a template whose parameters
// are deltas cannot be saved as safe to repeat, and names the parameter.
func TestSaveRefusesSafeToRepeatOnDeltas(t *testing.T) {
	s, _ := testkit.MustServices(t, nil)
	c := testkit.DemoConn(t, s)
	tpl, err := s.TemplateFromPreset("impact.actions.update_items", c.ID)
	if err != nil {
		t.Fatal(err)
	}
	tpl.Idempotent = true
	_, err = s.SaveTemplate(tpl)
	if core.ErrorField(err) != "idempotent" || !strings.Contains(err.Error(), "ItemSubTotalDelta") && !strings.Contains(err.Error(), "Quantity") {
		t.Fatalf("err %v, want a refusal on idempotent naming the delta", err)
	}
	tpl.Idempotent = false
	if _, err := s.SaveTemplate(tpl); err != nil {
		t.Fatalf("the same template, not marked safe: %v", err)
	}
	upd, _ := s.TemplateFromPreset("impact.actions.update", c.ID)
	if _, err := s.SaveTemplate(upd); err != nil || !upd.Idempotent {
		t.Fatalf("absolute update: safe %v, err %v", upd.Idempotent, err)
	}
}

func TestSearchAndDuplicateTemplates(t *testing.T) {
	s, _ := testkit.MustServices(t, nil)
	c := testkit.DemoConn(t, s)
	for _, id := range []string{"impact.actions.list", "affise.offer.status", "cake.postback.create"} {
		tpl, _ := s.TemplateFromPreset(id, c.ID)
		if _, err := s.SaveTemplate(tpl); err != nil {
			t.Fatal(err)
		}
	}
	tests := map[string]int{"": 3, "impact": 1, "POST": 2, "offer status": 1, "demo": 3, "postback cake": 1, "zzz": 0}
	for q, want := range tests {
		got, err := s.SearchTemplates(q)
		if err != nil || len(got) != want {
			t.Errorf("search %q: %d results, want %d", q, len(got), want)
		}
	}
	cp, err := s.DuplicateTemplate(1)
	if err != nil || cp.ID != 4 || cp.Name != "impact.com: List actions (copy)" || len(cp.Params) == 0 {
		t.Fatalf("duplicate: %+v %v", cp, err)
	}
}

// TestLargeResponseStaysInGo sends a 2,000-record body and checks the view
// receives only the root, then pages of children.
func TestLargeResponseStaysInGo(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"Actions":[`)
	for i := 0; i < 2000; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"Id":"1000.%d","Payout":"%d.50","Note":"%s"}`, i, i, strings.Repeat("n", 400))
	}
	b.WriteString(`]}`)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer bearer-token-0001" {
			w.WriteHeader(401)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(b.String()))
	}))
	defer srv.Close()
	s, _ := testkit.MustServices(t, nil)
	c := customConn(t, s, srv.URL)
	res, err := s.TestTemplate(service.TestInput{Template: testkit.GetTemplate(c.ID, "/actions")})
	if err != nil || res.Status != 200 || res.Size < 800_000 {
		t.Fatalf("res %d %d %v", res.Status, res.Size, err)
	}
	view, _ := json.Marshal(res)
	if len(view) > 4096 {
		t.Errorf("the view got %d bytes for an %d-byte body", len(view), res.Size)
	}
	page, err := s.ResponseNodes(res.ResponseID, []any{"Actions"}, 1900, 100)
	if err != nil || page.Total != 2000 || len(page.Nodes) != 100 || page.Nodes[99].Path != "$.Actions[1999]" {
		t.Fatalf("page: %d nodes of %d, %v", len(page.Nodes), page.Total, err)
	}
	if _, err := s.ResponseNodes("gone", nil, 0, 1); core.ErrorCode(err) != core.ENOTFOUND {
		t.Errorf("unknown response: %v", err)
	}
	sent, _ := json.Marshal(res.Request)
	if strings.Contains(string(sent), "bearer-token-0001") || !strings.Contains(string(sent), "Bearer ••••") {
		t.Errorf("request record: %s", sent)
	}
}

func TestNonJSONAndFailedCalls(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/html":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(502)
			w.Write([]byte("<html><body><h1>502 Bad Gateway</h1></body></html>"))
		case "/xml":
			w.Header().Set("Content-Type", "application/xml")
			w.Write([]byte("<ImpactRadiusResponse/>"))
		case "/empty":
			w.WriteHeader(204)
		}
	}))
	defer srv.Close()
	s, _ := testkit.MustServices(t, nil)
	c := customConn(t, s, srv.URL)
	tests := []struct{ path, wantNote string }{
		{"/html", "HTML page"}, {"/xml", "XML, not JSON"}, {"/empty", "no body"},
	}
	for _, tt := range tests {
		res, err := s.TestTemplate(service.TestInput{Template: testkit.GetTemplate(c.ID, tt.path)})
		if err != nil || res.IsJSON || !strings.Contains(res.Note, tt.wantNote) {
			t.Errorf("%s: %+v %v", tt.path, res, err)
		}
	}
	html, _ := s.TestTemplate(service.TestInput{Template: testkit.GetTemplate(c.ID, "/html")})
	if html.Status != 502 || !strings.Contains(html.Text, "Bad Gateway") {
		t.Errorf("html body: %+v", html)
	}
	srv.Close()
	res, err := s.TestTemplate(service.TestInput{Template: testkit.GetTemplate(c.ID, "/html")})
	if err != nil || res.Error == "" || res.Request.URL == "" || strings.Contains(res.Error, "bearer-token") {
		t.Errorf("unreachable: %+v %v", res, err)
	}
}
