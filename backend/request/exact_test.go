package request_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/request"
)

// TestPagedBodiesKeepMoneyExact sends a paginated list whose payouts are
// numbers beyond float64's precision or with trailing zeros. A lone page
// must come back byte for byte as the tracker sent it (nothing is
// re-encoded); two merged pages must keep every amount's exact text.
func TestPagedBodiesKeepMoneyExact(t *testing.T) {
	page1 := `{ "@page":"1", "@numpages":"%N%", "@nextpageuri":"%NEXT%",
  "Actions":[ {"Id":"a","Payout":12345678901234567.89}, {"Id":"b","Payout":19.90} ] }`
	page2 := `{"@page":"2","@numpages":"2","@nextpageuri":"","Actions":[{"Id":"c","Payout":0.10000000000000000001}]}`
	tests := []struct {
		name  string
		pages int
		want  []string
	}{
		{"lone page", 1, nil},
		{"two pages", 2, []string{"12345678901234567.89", "19.90", "0.10000000000000000001", `"Actions":[{"Id":"a"`}},
	}
	for _, tt := range tests {
		first := strings.NewReplacer("%N%", string(rune('0'+tt.pages)), "%NEXT%", map[bool]string{true: "/Actions?Page=2"}[tt.pages > 1]).Replace(page1)
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Query().Get("Page") == "2" {
				w.Write([]byte(page2))
				return
			}
			w.Write([]byte(first))
		}))
		c := &request.Client{Limiters: request.NewLimiters(nil), UserAgent: ua}
		tp := core.ActionTemplate{Method: "GET", Path: "/Actions", Pagination: core.Pagination{Kind: core.PageImpact, ItemsKey: "Actions", PageParam: "Page"}}
		res, err := c.Do(context.Background(), request.Call{Template: tp, Target: core.Target{ConnectionName: "Acme", BaseURL: srv.URL, RateKey: "1"}})
		srv.Close()
		if err != nil || res.Pages != tt.pages {
			t.Fatalf("%s: pages %d, %v", tt.name, res.Pages, err)
		}
		if tt.want == nil && string(res.Body) != first {
			t.Errorf("%s: body changed:\n%s\nwant\n%s", tt.name, res.Body, first)
		}
		for _, w := range tt.want {
			if !strings.Contains(string(res.Body), w) {
				t.Errorf("%s: %s lost from %s", tt.name, w, res.Body)
			}
		}
	}
}
