package pick_test

import (
	"fmt"
	"testing"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/pick"
)

const actions = `{"Actions":[
 {"Id":"1000.1","State":"PENDING","Payout":"0.88","Amount":21.99,"PromoCode":"TEST"},
 {"Id":"1000.2","State":"APPROVED","Payout":"4.10","Amount":120.5,"PromoCode":""},
 {"Id":"1000.3","State":"PENDING","Payout":"12.00","Amount":300,"PromoCode":"VIP20"}],
 "partner":{"id":5,"status":"active"}}`

func TestSelectPatternsUsersWrite(t *testing.T) {
	doc, err := pick.Parse([]byte(actions))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ path, want string }{
		{"$.Actions[0].Id", "[1000.1]"},
		{"$.Actions[*].Id", "[1000.1 1000.2 1000.3]"},
		{"$.Actions[?(@.State=='PENDING')].Id", "[1000.1 1000.3]"},
		{"$.Actions[?(@.Amount > 100)].Id", "[1000.2 1000.3]"},
		{"$.Actions[?(@.PromoCode=='TEST')].Id", "[1000.1]"},
		{"$..Id", "[1000.1 1000.2 1000.3]"},
		{"$.partner.status", "[active]"},
		{"$['partner']['id']", "[5]"},
		{"$.Actions[-1].Id", "[1000.3]"},
		{"$.missing", "[]"},
	}
	for _, tt := range tests {
		x, err := pick.Compile(tt.path)
		if err != nil {
			t.Fatalf("%s: %v", tt.path, err)
		}
		if got := fmt.Sprint(doc.Select(x)); got != tt.want {
			t.Errorf("%s = %s, want %s", tt.path, got, tt.want)
		}
	}
}

func TestCompileRefusesBadPaths(t *testing.T) {
	for _, p := range []string{"", "Actions[0]", "$.Actions[?(@.State=='PENDING'", "$.[", "$.Actions[?(]"} {
		if _, err := pick.Compile(p); core.ErrorCode(err) != core.EINVALID {
			t.Errorf("%q compiled: %v", p, err)
		}
	}
}

// FuzzCompile checks that compiling and selecting never panics.
func FuzzCompile(f *testing.F) {
	for _, s := range []string{"$", "$.a", "$..*", "$[?(@.a==1)]", "$[1:3]", "$['a','b']", "$[?(@.a=~/x/)]", "$[(", "$.a[?(@.b>", "$[-1:]"} {
		f.Add(s)
	}
	doc, _ := pick.Parse([]byte(actions))
	f.Fuzz(func(t *testing.T, path string) {
		x, err := pick.Compile(path)
		if err != nil {
			if core.ErrorCode(err) != core.EINVALID {
				t.Fatalf("uncoded error %v", err)
			}
			return
		}
		_ = doc.Select(x)
	})
}
