package service_test

import (
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

// indentedPages answers three pages of an indented list, each page larger
// than its records once merged (the indentation is not kept), and returns
// the byte count of every page it sent.
func indentedPages(t *testing.T) (*httptest.Server, *[]int) {
	sent := &[]int{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		page, _ := strconv.Atoi(r.URL.Query().Get("page"))
		var items []string
		if page <= 3 {
			for i := 0; i < 20; i++ {
				items = append(items, fmt.Sprintf("{\n    \"id\": \"%d.%d\",\n    \"payout\": 1.50\n  }", page, i))
			}
		}
		body := "{\n  \"records\": [\n  " + strings.Join(items, ",\n  ") + "\n  ]\n}"
		*sent = append(*sent, len(body))
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(body))
	}))
	t.Cleanup(srv.Close)
	return srv, sent
}

// TestTestTotalsAgreeWithTheExchanges checks the figures the summary and
// the "All requests" tab show: Requests, RequestMs and Received total the
// exchanges, while Size is the merged body shown, which for indented pages
// is smaller than what was received.
func TestTestTotalsAgreeWithTheExchanges(t *testing.T) {
	srv, sent := indentedPages(t)
	s, _ := testkit.MustServices(t, nil)
	c := customConn(t, s, srv.URL)
	tpl := testkit.GetTemplate(c.ID, "/records")
	tpl.Pagination = core.Pagination{Kind: core.PageNumber, ItemsKey: "records", PageParam: "page", MaxPages: 10}
	res, err := s.TestTemplate(service.TestInput{Template: tpl})
	if err != nil || res.Error != "" || res.Status != 200 {
		t.Fatalf("test: %+v %v", res, err)
	}
	var received, ms int64
	for _, x := range res.Exchanges {
		received += x.Size
		ms += x.DurationMs
	}
	wire := int64(0)
	for _, n := range *sent {
		wire += int64(n)
	}
	if res.Requests != len(*sent) || res.Requests != len(res.Exchanges) || res.Requests != 4 {
		t.Errorf("requests %d, exchanges %d, sent %d", res.Requests, len(res.Exchanges), len(*sent))
	}
	if res.Received != received || res.Received != wire || res.RequestMs != ms {
		t.Errorf("received %d (exchanges %d, sent %d), request time %d (exchanges %d)", res.Received, received, wire, res.RequestMs, ms)
	}
	if res.Size >= res.Received || res.Size == 0 {
		t.Errorf("merged body %d should be smaller than the %d bytes received", res.Size, res.Received)
	}
}

// TestLonePageSizeIsWhatWasReceived checks that one unpaged request shows
// the same size in the summary and in its exchange.
func TestLonePageSizeIsWhatWasReceived(t *testing.T) {
	srv, sent := indentedPages(t)
	s, _ := testkit.MustServices(t, nil)
	c := customConn(t, s, srv.URL)
	res, err := s.TestTemplate(service.TestInput{Template: testkit.GetTemplate(c.ID, "/records")})
	if err != nil || res.Requests != 1 {
		t.Fatalf("test: %d requests, %v", res.Requests, err)
	}
	if res.Size != res.Received || res.Received != res.Exchanges[0].Size || res.Size != int64((*sent)[0]) {
		t.Errorf("size %d, received %d, exchange %d, sent %d", res.Size, res.Received, res.Exchanges[0].Size, (*sent)[0])
	}
}

// TestSearchAndRawOfAKeptResponse checks the search and raw views of a
// tested response: matches in tree order, the raw text indented with the
// numbers as received, a limit cutting it, and a forgotten response
// refused as not found.
func TestSearchAndRawOfAKeptResponse(t *testing.T) {
	srv, _ := indentedPages(t)
	s, _ := testkit.MustServices(t, nil)
	c := customConn(t, s, srv.URL)
	res, err := s.TestTemplate(service.TestInput{Template: testkit.GetTemplate(c.ID, "/records")})
	if err != nil {
		t.Fatal(err)
	}
	found, err := s.SearchResponse(res.ResponseID, "0.19", 0)
	if err != nil || found.Total != 1 || found.Matches[0].Path != "$.records[19].id" {
		t.Fatalf("search: %+v %v", found, err)
	}
	raw, err := s.ResponseRaw(res.ResponseID, 0)
	if err != nil || !raw.Pretty || raw.Truncated || !strings.Contains(raw.Text, "\"payout\": 1.50") || raw.Size != int64(len(raw.Text)) {
		t.Fatalf("raw: %+v %v", raw, err)
	}
	cut, err := s.ResponseRaw(res.ResponseID, 100)
	if err != nil || !cut.Truncated || len(cut.Text) != 100 || cut.Size != raw.Size || !strings.HasPrefix(raw.Text, cut.Text) {
		t.Errorf("cut raw: %d bytes of %d, truncated %v, %v", len(cut.Text), cut.Size, cut.Truncated, err)
	}
	for _, call := range []func() error{
		func() error { _, err := s.SearchResponse("gone", "x", 0); return err },
		func() error { _, err := s.ResponseRaw("gone", 0); return err },
	} {
		if err := call(); core.ErrorCode(err) != core.ENOTFOUND {
			t.Errorf("a forgotten response: %v", err)
		}
	}
}
