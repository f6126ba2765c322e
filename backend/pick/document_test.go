package pick_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/pick"
)

const sample = `{"@page":"1","Actions":[{"Id":"1000.1","Payout":"0.88","State":"PENDING","Items":[]},{"Id":"1000.2","Payout":1.5,"Ok":true,"Note":null}],"odd key":{"a'b":1}}`

func TestRootAndChildren(t *testing.T) {
	doc, err := pick.Parse([]byte(sample))
	if err != nil {
		t.Fatal(err)
	}
	root := doc.Root()
	if root.Kind != pick.KindObject || root.Count != 3 || root.Path != "$" {
		t.Fatalf("root = %+v", root)
	}
	page, err := doc.Children(nil, 0, 10)
	if err != nil || page.Total != 3 || page.Nodes[0].Key != "@page" || page.Nodes[1].Key != "Actions" {
		t.Fatalf("root children = %+v, %v", page, err)
	}
	tests := []struct {
		segments []any
		wantKeys string
		wantPath string
	}{
		{[]any{"Actions"}, "[0],[1]", "$.Actions[1]"},
		{[]any{"Actions", 1}, "Id,Note,Ok,Payout", "$.Actions[1].Payout"},
		{[]any{"Actions", float64(0)}, "Id,Items,Payout,State", "$.Actions[0].State"},
		{[]any{"odd key"}, "a'b", `$['odd key']['a\'b']`},
	}
	for _, tt := range tests {
		page, err := doc.Children(tt.segments, 0, 100)
		if err != nil {
			t.Fatalf("%v: %v", tt.segments, err)
		}
		var keys []string
		for _, n := range page.Nodes {
			keys = append(keys, n.Key)
		}
		if strings.Join(keys, ",") != tt.wantKeys || page.Nodes[len(page.Nodes)-1].Path != tt.wantPath {
			t.Errorf("%v: keys %v last path %q", tt.segments, keys, page.Nodes[len(page.Nodes)-1].Path)
		}
	}
}

func TestScalarKinds(t *testing.T) {
	doc, _ := pick.Parse([]byte(sample))
	page, _ := doc.Children([]any{"Actions", 1}, 0, 10)
	kinds := map[string]pick.Kind{}
	for _, n := range page.Nodes {
		kinds[n.Key] = n.Kind
	}
	want := map[string]pick.Kind{"Id": pick.KindString, "Note": pick.KindNull, "Ok": pick.KindBool, "Payout": pick.KindNumber}
	for k, v := range want {
		if kinds[k] != v {
			t.Errorf("%s kind = %q, want %q", k, kinds[k], v)
		}
	}
}

func TestPagingALargeArray(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"rows":[`)
	for i := 0; i < 2500; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"id":%d}`, i)
	}
	b.WriteString(`]}`)
	doc, err := pick.Parse([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	page, _ := doc.Children([]any{"rows"}, 2400, 500)
	if page.Total != 2500 || len(page.Nodes) != 100 || page.Nodes[0].Key != "[2400]" || page.Offset != 2400 {
		t.Fatalf("page = total %d, %d nodes, first %q", page.Total, len(page.Nodes), page.Nodes[0].Key)
	}
	page, _ = doc.Children([]any{"rows"}, 0, 0)
	if len(page.Nodes) != 1000 {
		t.Errorf("default limit gave %d nodes", len(page.Nodes))
	}
}

func TestLongStringsAreShortened(t *testing.T) {
	doc, _ := pick.Parse([]byte(`{"s":"` + strings.Repeat("é", 500) + `"}`))
	page, _ := doc.Children(nil, 0, 1)
	n := page.Nodes[0]
	if !n.Truncated || len([]rune(n.Preview)) != pick.MaxPreview+1 {
		t.Fatalf("preview %d runes, truncated %v", len([]rune(n.Preview)), n.Truncated)
	}
}

func TestErrors(t *testing.T) {
	if _, err := pick.Parse([]byte(`{"a":`)); core.ErrorCode(err) != core.EINVALID {
		t.Errorf("truncated JSON: %v", err)
	}
	doc, _ := pick.Parse([]byte(sample))
	for _, segs := range [][]any{{"missing"}, {"Actions", 9}, {"Actions", "x"}, {"Actions", 1.5}, {"@page", "x"}} {
		if _, err := doc.Children(segs, 0, 1); core.ErrorCode(err) != core.ENOTFOUND {
			t.Errorf("%v: %v", segs, err)
		}
	}
	if _, err := doc.Children([]any{"@page"}, 0, 1); core.ErrorCode(err) != core.EINVALID {
		t.Errorf("children of a scalar: %v", err)
	}
}

// FuzzDocument checks that any body either fails to parse with a coded
// error or gives a tree whose every first-level child can be paged.
func FuzzDocument(f *testing.F) {
	for _, s := range []string{sample, `[]`, `1`, `"x"`, `{"a":[1,{"b":null}]}`, `{`, `nul`, `[1,2,`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		doc, err := pick.Parse(body)
		if err != nil {
			if core.ErrorCode(err) != core.EINVALID {
				t.Fatalf("uncoded error %v", err)
			}
			return
		}
		root := doc.Root()
		if root.Kind != pick.KindObject && root.Kind != pick.KindArray {
			return
		}
		page, err := doc.Children(nil, 0, 50)
		if err != nil {
			t.Fatalf("children of root: %v", err)
		}
		for _, n := range page.Nodes {
			if n.Kind == pick.KindObject || n.Kind == pick.KindArray {
				if _, err := doc.Children(n.Segments, 0, 5); err != nil {
					t.Fatalf("children of %s: %v", n.Path, err)
				}
			}
		}
	})
}
