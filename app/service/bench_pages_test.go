package service_test

import (
	"bufio"
	"fmt"
	"io"
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

// writeListPage writes one numbered page of n records of about 1 KB to
// w as it builds it, so that the test server holds no page in the heap
// the benchmark measures (pages kept as fixtures raised the collector's
// goal with their own size, and the measured peak with it).
func writeListPage(w io.Writer, page, n int) {
	note := strings.Repeat("x", 760)
	rec := make([]byte, 0, 1100)
	rec = append(append(append(rec, `{"page":`...), strconv.Itoa(page)...), `,"total":`...)
	rec = append(strconv.AppendInt(rec, int64(n), 10), `,"records":[`...)
	for i := 0; i < n; i++ {
		if i > 0 {
			rec = append(rec, ',')
		}
		rec = append(strconv.AppendInt(append(rec, `{"Id":"`...), int64(page), 10), '.')
		rec = append(strconv.AppendInt(rec, int64(i), 10), `","State":"`...)
		rec = append(append(rec, []string{"PENDING", "APPROVED"}[i%2]...), `","Payout":"`...)
		rec = append(strconv.AppendInt(rec, int64(i%50), 10), `.88","Amount":"21.99","Currency":"USD","EventDate":"2020-09-10T10:42:38-07:00",`...)
		rec = append(append(append(rec, `"MediaPartnerId":"39787","CustomerCity":"Santa Barbara","Note":"`...), note...), `"}`...)
		w.Write(rec)
		rec = rec[:0]
	}
	w.Write(append(rec, `]}`...))
}

// byteCount is a writer that only counts.
type byteCount int

func (c *byteCount) Write(p []byte) (int, error) { *c += byteCount(len(p)); return len(p), nil }

// BenchmarkPagedStepSelect runs a Get step's two selections on a 3-page
// and a 10-page list of 20,000 records a page (about 21 MB a page)
// through the service's caller, which selects each page as it arrives.
// It reports peak heap in MiB and as a multiple of one page's bytes,
// which should not grow with the page count; the target is under 3x.
// The server writes each page as it builds it, with its Content-Length,
// so the heap measured is the client's.
func BenchmarkPagedStepSelect(b *testing.B) {
	for _, n := range []int{3, 10} {
		b.Run(fmt.Sprintf("pages=%d", n), func(b *testing.B) { benchPaged(b, n) })
	}
}

func benchPaged(b *testing.B, pagesN int) {
	const per = 20000
	sizes := make([]byteCount, pagesN+1)
	for i := 1; i <= pagesN; i++ {
		writeListPage(&sizes[i], i, per)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(r.URL.Query().Get("page"))
		if n < 1 || n > pagesN {
			w.Write([]byte(`{"records":[]}`))
			return
		}
		w.Header().Set("Content-Length", strconv.Itoa(int(sizes[n])))
		bw := bufio.NewWriterSize(w, 64<<10)
		writeListPage(bw, n, per)
		bw.Flush()
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
	b.SetBytes(int64(int(sizes[1]) * pagesN))
	b.ReportAllocs()
	p := peak.Start()
	for b.Loop() {
		out, err := service.CallSelect(s, tpl, paths)
		if err != nil || len(out.Selected) != 2 || len(out.Selected[0]) != pagesN*per || len(out.Selected[1]) != pagesN*per/2 {
			b.Fatal(err, len(out.Selected))
		}
	}
	p.Report(b, int(sizes[1]))
}
