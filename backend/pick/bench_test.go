package pick_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/affdesk/affdesk/backend/pick"
)

// actionsPage builds an impact.com-like Actions page of n records, about
// 1 KB each, the shape of the perf anchors' workload B.
func actionsPage(n int) []byte {
	var b strings.Builder
	b.WriteString(`{"@page":"1","@numpages":"1","@pagesize":"20000","Actions":[`)
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		state := "PENDING"
		if i%5 >= 3 {
			state = "APPROVED"
		}
		fmt.Fprintf(&b, `{"Id":"1000.%d.%d","CampaignId":"1000","State":"%s","Payout":"%d.88","Amount":"21.99","Currency":"USD",`+
			`"EventDate":"2020-09-10T10:42:38-07:00","CreationDate":"2020-09-10T10:51:23-07:00","LockingDate":"2020-09-26T00:00:00-07:00",`+
			`"MediaPartnerId":"39787","MediaPartnerName":"Acme Partner","Oid":"9217374917472","CustomerId":"BCZ2WVSH674563PDPYOTM3AXDQ",`+
			`"CustomerCity":"Santa Barbara","CustomerRegion":"California","CustomerCountry":"US","Note":"%s","Uri":"/Advertisers/IR/Actions/1000.%d"}`,
			4600+i/100, i, state, i%50, strings.Repeat("x", 420), i)
	}
	b.WriteString(`]}`)
	return []byte(b.String())
}

// BenchmarkParse measures what a Test press costs on a 20,000-record page:
// Parse builds the tree the view pages through. BaselineStdlibMap is the
// same work with encoding/json, measured in the same run for a ratio.
func BenchmarkParse(b *testing.B) {
	body := actionsPage(20000)
	b.Run("ojg-document", func(b *testing.B) {
		b.SetBytes(int64(len(body)))
		for b.Loop() {
			doc, err := pick.Parse(body)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := doc.Children([]any{"Actions"}, 0, 100); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("BaselineStdlibMap", func(b *testing.B) {
		b.SetBytes(int64(len(body)))
		for b.Loop() {
			var v map[string]any
			if err := json.Unmarshal(body, &v); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkChildren measures paging 100 children out of a parsed page.
func BenchmarkChildren(b *testing.B) {
	doc, err := pick.Parse(actionsPage(20000))
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := doc.Children([]any{"Actions"}, 19900, 100); err != nil {
			b.Fatal(err)
		}
	}
}
