package service_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/affdesk/affdesk/app/internal/testkit"
	"github.com/affdesk/affdesk/app/service"
	"github.com/affdesk/affdesk/backend/core"
)

// pagedServer serves 3 numbered pages of 2 records under data.items,
// with a total beside them, and an empty fourth page.
func pagedServer(t *testing.T) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		page, _ := strconv.Atoi(r.URL.Query().Get("page"))
		var items []string
		if page >= 1 && page <= 3 {
			for _, k := range []string{"a", "b"} {
				items = append(items, fmt.Sprintf(`{"id":"%d%s","payout":"%d.10","state":"%s"}`, page, k, page, map[string]string{"a": "ok", "b": "no"}[k]))
			}
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"data":{"total":2,"items":[%s]},"page":%d}`, strings.Join(items, ","), page)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// TestPagedGetStepSelectsEveryPage runs a Get step on a 3-page list with
// paths read record by record (pages selected as they arrive), a path
// outside the list (read on the envelope, whose count covers every
// page), and a path that needs the merged list; each gives what the
// merged list would.
func TestPagedGetStepSelectsEveryPage(t *testing.T) {
	srv := pagedServer(t)
	s, _ := testkit.MustServices(t, testkit.MemSecrets{})
	conn := testkit.SaveConn(t, s, core.ConnectionInput{Connection: core.Connection{Name: "Paged", Platform: core.PlatformCustom,
		Settings: map[string]string{"base_url": srv.URL, "auth_mode": "none"}}})
	list, err := s.SaveTemplate(core.ActionTemplate{Name: "List", ConnectionID: conn.ID, Kind: core.KindGet, Method: "GET", Path: "/list", BodyEncoding: core.BodyJSON,
		Pagination: core.Pagination{Kind: core.PageNumber, ItemsKey: "data.items", PageParam: "page", MaxPages: 10}})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, path, want string
		streamed         bool
	}{
		{"every record", "$.data.items[*].id", "1a,1b,2a,2b,3a,3b", true},
		{"filtered", "$.data.items[?@.state=='ok'].payout", "1.10,2.10,3.10", true},
		{"envelope count", "$.data.total", "6", true},
		{"merged index", "$.data.items[4].id", "3a", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := s.SaveAutomation(core.Automation{Name: "Paged " + tt.name, Trigger: core.Trigger{Kind: "manual"}, Steps: []core.Step{
				{ID: "s1", Kind: core.StepActionGet, Name: "List", TemplateID: list.ID, Selections: []core.Selection{{Path: tt.path, Variable: "v"}}}}})
			if err != nil {
				t.Fatal(err)
			}
			run, err := s.RunNow(context.Background(), a.ID, false, "cli")
			if err != nil || run.Status != core.RunCompleted {
				t.Fatalf("run: %v %s %s", err, run.Status, run.Error)
			}
			if got := run.Steps[0].Set["v"]; got != tt.want {
				t.Errorf("v = %s, want %s", got, tt.want)
			}
			out, err := service.CallSelect(s, list, []string{tt.path})
			if err != nil || (out.Selected != nil) != tt.streamed {
				t.Errorf("selected page by page: %v, want %v (%v)", out.Selected != nil, tt.streamed, err)
			}
		})
	}
}
