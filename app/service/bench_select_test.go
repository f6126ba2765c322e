package service

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/ohler55/ojg/oj"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/request"
)

// getPage builds an impact.com-like Actions page of n records, about
// 1 KB each (20,000 records make about 21 MB).
func getPage(n int) []byte {
	var b strings.Builder
	b.WriteString(`{"@page":"1","@numpages":"1","@pagesize":"20000","Actions":[`)
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"Id":"1000.%d.%d","CampaignId":"1000","State":"PENDING","Payout":"%d.88","Amount":"21.99","Currency":"USD",`+
			`"EventDate":"2020-09-10T10:42:38-07:00","CreationDate":"2020-09-10T10:51:23-07:00","LockingDate":"2020-09-26T00:00:00-07:00",`+
			`"MediaPartnerId":"39787","MediaPartnerName":"Acme Partner","Oid":"9217374917472","CustomerId":"BCZ2WVSH674563PDPYOTM3AXDQ",`+
			`"CustomerCity":"Santa Barbara","CustomerRegion":"California","CustomerCountry":"US","Note":"%s","Uri":"/Advertisers/IR/Actions/1000.%d"}`,
			4600+i/100, i, i%50, strings.Repeat("x", 420), i)
	}
	b.WriteString(`]}`)
	return []byte(b.String())
}

var benchPaths = []string{"$.Actions[*].Id", "$.Actions[?@.State=='PENDING'].Payout"}

// BenchmarkGetStepSelect measures a Get step on one 21 MB page: the
// client's call on a loopback server, then the step's two selections.
// BaselineOjgParse is ojg's bare parse of the same bytes (the floor for
// any selection); BaselineTypedGet is a plain GET with a typed
// encoding/json decode, all in the same run.
func BenchmarkGetStepSelect(b *testing.B) {
	body := getPage(20000)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write(body) }))
	defer srv.Close()
	c := &request.Client{Limiters: request.NewLimiters(nil), UserAgent: "AffDesk/test"}
	call := request.Call{Template: core.ActionTemplate{Method: "GET", Path: "/Actions"},
		Target: core.Target{ConnectionName: "Acme", BaseURL: srv.URL, RateKey: "1"}}
	paged := call
	paged.Template.Pagination = core.Pagination{Kind: core.PageImpact, ItemsKey: "Actions", PageParam: "Page"}
	run := func(b *testing.B, call request.Call, sel func([]byte)) {
		b.SetBytes(int64(len(body)))
		b.ReportAllocs()
		for b.Loop() {
			res, err := c.Do(context.Background(), call)
			if err != nil {
				b.Fatal(err)
			}
			sel(res.Body)
		}
	}
	each := func(body []byte) {
		for _, p := range benchPaths {
			if got, err := (selector{}).Select(context.Background(), body, p); err != nil || len(got) != 20000 {
				b.Fatal(len(got), err)
			}
		}
	}
	all := func(body []byte) {
		got, _, err := (selector{}).SelectAll(context.Background(), body, benchPaths)
		if err != nil || len(got[0]) != 20000 || len(got[1]) != 20000 {
			b.Fatal(err)
		}
	}
	b.Run("call+SelectEach", func(b *testing.B) { run(b, call, each) })
	b.Run("call+SelectAll", func(b *testing.B) { run(b, call, all) })
	b.Run("pagedCall+SelectAll", func(b *testing.B) { run(b, paged, all) })
	b.Run("pagedCall+SelectEach", func(b *testing.B) { run(b, paged, each) })
	b.Run("BaselineOjgParse", func(b *testing.B) {
		b.SetBytes(int64(len(body)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := oj.Parse(body); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("BaselineTypedGet", func(b *testing.B) {
		b.SetBytes(int64(len(body)))
		b.ReportAllocs()
		for b.Loop() {
			resp, err := http.Get(srv.URL + "/Actions")
			if err != nil {
				b.Fatal(err)
			}
			var doc struct {
				Actions []struct{ Id, State, Payout string }
			}
			err = json.NewDecoder(resp.Body).Decode(&doc)
			resp.Body.Close()
			if err != nil || len(doc.Actions) != 20000 {
				b.Fatal(err)
			}
		}
	})
}
