package pick_test

import (
	"context"
	"fmt"
	"strings"
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

// FuzzCompile checks that compiling never panics and that a refusal is
// an EINVALID error in the project's words, never the parser's.
func FuzzCompile(f *testing.F) {
	for _, s := range []string{"$", "$.a", "$..*", "$[?(@.a==1)]", "$[1:3]", "$['a','b']", "$[?(@.a=~/x/)]", "$[(", "$.a[?(@.b>", "$[-1:]", "$[?(@.a==@.b)]", "$..a..a..a"} {
		f.Add(s)
	}
	doc, _ := pick.Parse([]byte(actions))
	f.Fuzz(func(t *testing.T, path string) {
		x, err := pick.Compile(path)
		if err != nil {
			if core.ErrorCode(err) != core.EINVALID || strings.Contains(err.Error(), "runtime error") {
				t.Fatalf("uncoded or raw error %v", err)
			}
			return
		}
		_, _ = doc.SelectContext(context.Background(), x)
	})
}

// FuzzSelect checks that any path on any document either selects, or
// fails with a coded error, never a panic.
func FuzzSelect(f *testing.F) {
	seeds := [][2]string{{"$.Actions[?(@.State=='PENDING')].Id", actions}, {"$..a..a", `{"a":[{"a":{"a":1}},{"a":2}]}`},
		{"$[?(@.a==@.b)]", `[{},{"a":1,"b":1},{"a":null}]`}, {"$[-1:0:-1]", `[1,2,3]`}, {"$..*", `[[[[]]],{"x":{"y":[1]}}]`},
		{"$[?(@.n > $.min)]", `{"min":1,"n":[{"n":2}]}`}, {"$['a','b'][0]", `{"a":[1],"b":[]}`}}
	for _, s := range seeds {
		f.Add(s[0], []byte(s[1]))
	}
	f.Fuzz(func(t *testing.T, path string, body []byte) {
		x, err := pick.Compile(path)
		if err != nil {
			return
		}
		doc, err := pick.Parse(body)
		if err != nil {
			return
		}
		out, err := (pick.Limits{MaxNodes: 10_000}).Select(context.Background(), doc.Value(), x)
		if err != nil && core.ErrorCode(err) == "" {
			t.Fatalf("uncoded error %v", err)
		}
		if err != nil && out != nil {
			t.Fatalf("values with an error")
		}
	})
}
