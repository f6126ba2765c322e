package request_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/request"
)

// impactPages serves n pages of impact.com's envelope, 2 items each.
func impactPages(t *testing.T, n int) (*httptest.Server, *int32) {
	var hits int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		atomic.AddInt32(&hits, 1)
		page, _ := strconv.Atoi(r.URL.Query().Get("Page"))
		if page == 0 {
			page = 1
		}
		next := ""
		if page < n {
			q := r.URL.Query()
			q.Set("Page", strconv.Itoa(page+1))
			next = r.URL.Path + "?" + q.Encode()
		}
		json.NewEncoder(w).Encode(map[string]any{"@page": strconv.Itoa(page), "@numpages": strconv.Itoa(n), "@nextpageuri": next,
			"Actions": []any{map[string]any{"Id": fmt.Sprintf("%d.a", page)}, map[string]any{"Id": fmt.Sprintf("%d.b", page)}}})
	}))
	t.Cleanup(srv.Close)
	return srv, &hits
}

func items(t *testing.T, body []byte, key string) []string {
	t.Helper()
	var doc map[string]any
	if err := json.Unmarshal(body, &doc); err != nil {
		t.Fatalf("merged body: %v", err)
	}
	var ids []string
	for _, it := range doc[key].([]any) {
		ids = append(ids, fmt.Sprint(it.(map[string]any)["Id"]))
	}
	return ids
}

func paged(kind core.PaginationKind, maxPages int) core.ActionTemplate {
	tp := listTemplate(0)
	tp.Pagination = core.Pagination{Kind: kind, ItemsKey: "Actions", MaxPages: maxPages}
	return tp
}

func TestImpactPagination(t *testing.T) {
	srv, hits := impactPages(t, 4)
	res, err := client(newClock()).Do(context.Background(), callTo(srv, paged(core.PageImpact, 0)))
	if err != nil || res.Pages != 4 || *hits != 4 || len(res.Exchanges) != 4 || res.Exchanges[3].Page != 4 {
		t.Fatalf("pages %d hits %d err %v", res.Pages, *hits, err)
	}
	if got := strings.Join(items(t, res.Body, "Actions"), ","); got != "1.a,1.b,2.a,2.b,3.a,3.b,4.a,4.b" {
		t.Errorf("merged %s", got)
	}
}

func TestPageCapStops(t *testing.T) {
	srv, hits := impactPages(t, 50)
	res, err := client(newClock()).Do(context.Background(), callTo(srv, paged(core.PageImpact, 3)))
	if err != nil || res.Pages != 3 || *hits != 3 || len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0], "page cap (3 pages)") {
		t.Fatalf("pages %d hits %d warnings %v", res.Pages, *hits, res.Warnings)
	}
	srv, hits = impactPages(t, 50)
	if res, _ := client(newClock()).Do(context.Background(), callTo(srv, paged(core.PageImpact, 0))); res.Pages != core.DefaultMaxPages || *hits != 10 {
		t.Fatalf("default cap: %d pages", res.Pages)
	}
}

func TestAffisePagination(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		page, _ := strconv.Atoi(r.URL.Query().Get("page"))
		if page == 0 {
			page = 1
		}
		var next any = page + 1
		if page == 3 {
			next = false
		}
		fmt.Fprintf(w, `{"status":1,"partners":[{"Id":%d}],"pagination":{"per_page":1,"total_count":3,"page":%d,"next_page":%v}}`, page, page, mustJSON(next))
	}))
	defer srv.Close()
	tp := listTemplate(0)
	tp.Pagination = core.Pagination{Kind: core.PageAffise, ItemsKey: "partners", SizeParam: "limit", Size: 1}
	res, err := client(newClock()).Do(context.Background(), callTo(srv, tp))
	if err != nil || res.Pages != 3 || strings.Join(items(t, res.Body, "partners"), ",") != "1,2,3" {
		t.Fatalf("pages %d err %v body %s", res.Pages, err, res.Body)
	}
	if q := res.Exchanges[0].Request.URL; !strings.Contains(q, "limit=1") {
		t.Errorf("page size not sent: %s", q)
	}
}

// numbered serves `total` items, `per` a page, by page number or offset,
// then empty pages.
func numbered(t *testing.T, param string, offset bool, total, per int) (*httptest.Server, *int32) {
	var hits int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		atomic.AddInt32(&hits, 1)
		n, _ := strconv.Atoi(r.URL.Query().Get(param))
		start := (n - 1) * per
		if offset {
			start = n
		}
		var rows []string
		for i := start; i < start+per && i < total; i++ {
			rows = append(rows, fmt.Sprintf(`{"Id":%d}`, i))
		}
		fmt.Fprintf(w, `{"data":{"Actions":[%s]}}`, strings.Join(rows, ","))
	}))
	t.Cleanup(srv.Close)
	return srv, &hits
}

func TestPageAndOffsetPaginationStopOnAnEmptyPage(t *testing.T) {
	tests := []struct {
		name   string
		pg     core.Pagination
		offset bool
	}{
		{"page", core.Pagination{Kind: core.PageNumber, PageParam: "page", ItemsKey: "data.Actions"}, false},
		{"offset", core.Pagination{Kind: core.PageOffset, PageParam: "start", ItemsKey: "data.Actions"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, hits := numbered(t, tt.pg.PageParam, tt.offset, 7, 3)
			tp := listTemplate(0)
			tp.Pagination = tt.pg
			res, err := client(newClock()).Do(context.Background(), callTo(srv, tp))
			if err != nil || *hits != 4 || res.Pages != 3 {
				t.Fatalf("hits %d pages %d err %v", *hits, res.Pages, err)
			}
			var doc struct {
				Data struct{ Actions []map[string]int } `json:"data"`
			}
			json.Unmarshal(res.Body, &doc)
			if len(doc.Data.Actions) != 7 || doc.Data.Actions[6]["Id"] != 6 {
				t.Fatalf("merged %s", res.Body)
			}
			if len(res.Warnings) != 0 {
				t.Errorf("an empty page past the last is the list's normal end, not a warning: %v", res.Warnings)
			}
		})
	}
}

func TestRepeatedPageStops(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`{"Actions":[{"Id":1}]}`))
	}))
	defer srv.Close()
	tp := listTemplate(0)
	tp.Pagination = core.Pagination{Kind: core.PageNumber, PageParam: "page", ItemsKey: "Actions"}
	res, err := client(newClock()).Do(context.Background(), callTo(srv, tp))
	if err != nil || res.Pages != 1 || len(res.Exchanges) != 2 || !strings.Contains(res.Warnings[0], "Page 2 repeated page 1") {
		t.Fatalf("pages %d exchanges %d warnings %v", res.Pages, len(res.Exchanges), res.Warnings)
	}
}

func TestNextLinkStaysOnTheHost(t *testing.T) {
	var hits int32
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := atomic.AddInt32(&hits, 1)
		next := srv.URL + "/list?cursor=2"
		if n == 2 {
			next = "https://evil.example/steal"
		}
		if r.URL.Query().Get("api_key") != "secret-key-123456" {
			t.Errorf("page %d lost the query key", n)
		}
		fmt.Fprintf(w, `{"data":[{"Id":%d}],"links":{"next":%q}}`, n, next)
	}))
	defer srv.Close()
	tp := listTemplate(0)
	tp.Pagination = core.Pagination{Kind: core.PageNextLink, ItemsKey: "data", NextKey: "links.next"}
	call := callTo(srv, tp)
	call.Target.Auth = core.Auth{Kind: core.AuthQuery, Name: "api_key", Value: "secret-key-123456"}
	res, err := client(newClock()).Do(context.Background(), call)
	if err != nil || hits != 2 || res.Pages != 2 {
		t.Fatalf("hits %d pages %d err %v", hits, res.Pages, err)
	}
	for _, x := range res.Exchanges {
		if strings.Contains(x.Request.URL, "secret-key") {
			t.Errorf("record shows the key: %s", x.Request.URL)
		}
	}
}

func TestPagingNeedsJSONWithTheList(t *testing.T) {
	for body, want := range map[string]string{`{"Actions":[{"Id":`: "not JSON", `{"rows":[]}`: `no list at "Actions"`} {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(body)) }))
		_, err := client(newClock()).Do(context.Background(), callTo(srv, paged(core.PageImpact, 0)))
		srv.Close()
		if core.ErrorCode(err) != core.EINVALID || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v", body, err)
		}
	}
}

var spanRules = []core.Rule{
	{Kind: core.RuleRequires, Params: []string{"from", "to"}, Message: "from needs to."},
	{Kind: core.RuleMaxSpan, Params: []string{"from", "to"}, Days: 45, Message: "from and to cannot be more than 45 days apart."},
}

func TestLongRangeIsRefusedBeforeSending(t *testing.T) {
	srv, hits := impactPages(t, 1)
	call := callTo(srv, paged(core.PageImpact, 0))
	call.Rules = spanRules
	call.Values = map[string]string{"from": "2026-09-01T00:00:00Z", "to": "2026-10-31T00:00:00Z"}
	_, err := client(newClock()).Do(context.Background(), call)
	if core.ErrorField(err) != "values.from" || !strings.Contains(err.Error(), "45 days") || *hits != 0 {
		t.Fatalf("err %v hits %d", err, *hits)
	}
	call.Values = map[string]string{"from": "2026-09-01T00:00:00Z"}
	if _, err := client(newClock()).Do(context.Background(), call); core.ErrorField(err) != "values.to" || *hits != 0 {
		t.Fatalf("missing to: %v", err)
	}
}

func TestLongRangeSplitsIntoWindows(t *testing.T) {
	var seen []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		seen = append(seen, q.Get("from")+"/"+q.Get("to"))
		fmt.Fprintf(w, `{"@page":"1","@numpages":"1","@nextpageuri":"","Actions":[{"Id":%q}]}`, q.Get("from")[:10])
	}))
	defer srv.Close()
	tp := paged(core.PageImpact, 0)
	tp.SplitRanges = true
	call := callTo(srv, tp)
	call.Rules = spanRules
	call.Values = map[string]string{"from": "2026-09-01T00:00:00Z", "to": "2026-10-31T00:00:00Z"}
	res, err := client(newClock()).Do(context.Background(), call)
	if err != nil || res.Windows != 2 || len(res.Exchanges) != 2 || res.Exchanges[1].Window != 2 {
		t.Fatalf("windows %d exchanges %d err %v", res.Windows, len(res.Exchanges), err)
	}
	want := "[2026-09-01T00:00:00Z/2026-10-16T00:00:00Z 2026-10-16T00:00:00Z/2026-10-31T00:00:00Z]"
	if fmt.Sprint(seen) != want {
		t.Errorf("windows sent %v\nwant %s", seen, want)
	}
	if got := strings.Join(items(t, res.Body, "Actions"), ","); got != "2026-09-01,2026-10-16" {
		t.Errorf("merged %s", got)
	}
	tp.Pagination = core.Pagination{}
	call.Template = tp
	if _, err := client(newClock()).Do(context.Background(), call); core.ErrorField(err) != "pagination.itemsKey" {
		t.Errorf("split without an items key: %v", err)
	}
}

func TestTrackerErrorStopsPaging(t *testing.T) {
	srv, n := script(t, okJSON(`{"@page":"1","@numpages":"3","@nextpageuri":"/list?Page=2","Actions":[{"Id":"x"}]}`),
		func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(400)
			w.Write([]byte(`{"Status":"ERROR","Message":"The result has more than 10 pages"}`))
		})
	tp := paged(core.PageImpact, 0)
	call := callTo(srv, tp)
	call.Target.Platform = core.PlatformImpact
	res, err := client(newClock()).Do(context.Background(), call)
	if err != nil || *n != 2 || res.TrackerError != "The result has more than 10 pages" {
		t.Fatalf("err %v hits %d tracker %q", err, *n, res.TrackerError)
	}
	var _ = request.Result{}
}
