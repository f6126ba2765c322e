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
	"github.com/affdesk/affdesk/internal/peak"
)

// listPage builds one numbered page of n records of about 1 KB.
func listPage(page, n int) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, `{"page":%d,"total":%d,"records":[`, page, n)
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"Id":"%d.%d","State":"%s","Payout":"%d.88","Amount":"21.99","Currency":"USD","EventDate":"2020-09-10T10:42:38-07:00",`+
			`"MediaPartnerId":"39787","CustomerCity":"Santa Barbara","Note":"%s"}`, page, i, []string{"PENDING", "APPROVED"}[i%2], i%50, strings.Repeat("x", 760))
	}
	b.WriteString(`]}`)
	return []byte(b.String())
}

// BenchmarkPagedStepSelect runs a Get step's two selections on a 3-page
// and a 10-page list of 20,000 records a page (about 21 MB a page)
// through the service's caller, which selects each page as it arrives.
// It reports peak heap in MiB and as a multiple of one page's bytes,
// which should not grow with the page count; the target is under 3x.
func BenchmarkPagedStepSelect(b *testing.B) {
	for _, n := range []int{3, 10} {
		b.Run(fmt.Sprintf("pages=%d", n), func(b *testing.B) { benchPaged(b, n) })
	}
}

func benchPaged(b *testing.B, pagesN int) {
	const per = 20000
	pages := make([][]byte, pagesN+1)
	for i := 1; i <= pagesN; i++ {
		pages[i] = listPage(i, per)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(r.URL.Query().Get("page"))
		if n < 1 || n > pagesN {
			w.Write([]byte(`{"records":[]}`))
			return
		}
		w.Write(pages[n])
	}))
	defer srv.Close()
	s, _ := testkit.MustServices(b, testkit.MemSecrets{})
	conn := testkit.SaveConn(b, s, core.ConnectionInput{Connection: core.Connection{Name: "Pages", Platform: core.PlatformCustom,
		Settings: map[string]string{"base_url": srv.URL, "auth_mode": "none"}}})
	tpl, err := s.SaveTemplate(core.ActionTemplate{Name: "List", ConnectionID: conn.ID, Kind: core.KindGet, Method: "GET", Path: "/list", BodyEncoding: core.BodyJSON,
		Pagination: core.Pagination{Kind: core.PageNumber, ItemsKey: "records", PageParam: "page", MaxPages: 20}})
	if err != nil {
		b.Fatal(err)
	}
	paths := []string{"$.records[*].Id", "$.records[?@.State=='PENDING'].Payout"}
	b.SetBytes(int64(len(pages[1]) * pagesN))
	b.ReportAllocs()
	p := peak.Start()
	for b.Loop() {
		out, err := service.CallSelect(s, tpl, paths)
		if err != nil || len(out.Selected) != 2 || len(out.Selected[0]) != pagesN*per || len(out.Selected[1]) != pagesN*per/2 {
			b.Fatal(err, len(out.Selected))
		}
	}
	p.Report(b, len(pages[1]))
}
