package request_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/request"
	"github.com/affdesk/affdesk/internal/peak"
)

// impactPage builds page `page` of `pages` of an impact.com-like Actions
// list of n records, about 1 KB each.
func impactPage(page, pages, n int) []byte {
	var b strings.Builder
	next := ""
	if page < pages {
		next = "/Actions?Page=" + strconv.Itoa(page+1)
	}
	fmt.Fprintf(&b, `{"@page":"%d","@numpages":"%d","@pagesize":"%d","@total":"%d","@nextpageuri":"%s","Actions":[`, page, pages, n, n*pages, next)
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"Id":"1000.%d.%d","CampaignId":"1000","State":"PENDING","Payout":"%d.88","Amount":"21.99","Currency":"USD",`+
			`"EventDate":"2020-09-10T10:42:38-07:00","LockingDate":"2020-09-26T00:00:00-07:00","MediaPartnerId":"39787",`+
			`"CustomerCity":"Santa Barbara","Note":"%s","Uri":"/Advertisers/IR/Actions/1000.%d"}`, page, i, i%50, strings.Repeat("x", 560), i)
	}
	b.WriteString(`]}`)
	return []byte(b.String())
}

// pagesServer serves the pages of impactPage by their Page parameter.
func pagesServer(pages [][]byte) *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(r.URL.Query().Get("Page"))
		if n < 1 || n > len(pages) {
			n = 1
		}
		w.Header().Set("Content-Type", "application/json")
		w.Write(pages[n-1])
	}))
}

// BenchmarkListPages pages a 10-page × 20,000-action list through the
// client, with the two selections a step would make, on a loopback
// server. BaselinePlainPager pages the same list with net/http and a
// typed encoding/json decode, keeping only the two selected fields, in
// the same run. Each reports peak heap in MiB and as a multiple of one
// page's bytes.
func BenchmarkListPages(b *testing.B) {
	const pagesN, per = 10, 20000
	pages := make([][]byte, pagesN)
	total := 0
	for i := range pages {
		pages[i] = impactPage(i+1, pagesN, per)
		total += len(pages[i])
	}
	srv := pagesServer(pages)
	defer srv.Close()
	tp := core.ActionTemplate{Method: "GET", Path: "/Actions", Pagination: core.Pagination{Kind: core.PageImpact, ItemsKey: "Actions", PageParam: "Page", MaxPages: 50}}
	tg := core.Target{ConnectionName: "Acme", BaseURL: srv.URL, Platform: core.PlatformImpact, RateKey: "1", Auth: core.Auth{Kind: core.AuthBasic, User: "IR", Password: "tok"}}
	b.Run("affdesk-client", func(b *testing.B) {
		c := &request.Client{Limiters: request.NewLimiters(nil), UserAgent: ua, MaxBody: 1 << 30}
		b.SetBytes(int64(total))
		b.ReportAllocs()
		p := peak.Start()
		for b.Loop() {
			res, err := c.Do(context.Background(), request.Call{Template: tp, Target: tg})
			if err != nil || res.Pages != pagesN {
				b.Fatal(err, res.Warnings)
			}
			ids, payouts := selectTwo(b, res.Body)
			if ids != pagesN*per || payouts != pagesN*per {
				b.Fatal(ids, payouts)
			}
		}
		p.Report(b, len(pages[0]))
	})
	b.Run("BaselinePlainPager", func(b *testing.B) {
		b.SetBytes(int64(total))
		b.ReportAllocs()
		p := peak.Start()
		for b.Loop() {
			if n := plainPager(b, srv.URL); n != pagesN*per {
				b.Fatal(n)
			}
		}
		p.Report(b, len(pages[0]))
	})
}

// selectTwo stands in for the step's two selections ($.Actions[*].Id and
// $.Actions[*].Payout) with a typed decode, so the figure is the
// client's own cost; the engine's selections are measured in app/service.
func selectTwo(b *testing.B, body []byte) (int, int) {
	var doc struct{ Actions []struct{ Id, Payout string } }
	if err := json.Unmarshal(body, &doc); err != nil {
		b.Fatal(err)
	}
	return len(doc.Actions), len(doc.Actions)
}

// plainPager follows @nextpageuri with a typed decode per page, keeping
// only the Id and Payout of each action.
func plainPager(b *testing.B, base string) int {
	var ids, payouts []string
	next := "/Actions?Page=1"
	for next != "" {
		resp, err := http.Get(base + next)
		if err != nil {
			b.Fatal(err)
		}
		var page struct {
			Next    string `json:"@nextpageuri"`
			Actions []struct{ Id, Payout string }
		}
		err = json.NewDecoder(resp.Body).Decode(&page)
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if err != nil {
			b.Fatal(err)
		}
		for _, a := range page.Actions {
			ids, payouts = append(ids, a.Id), append(payouts, a.Payout)
		}
		next = page.Next
	}
	return len(ids)
}
