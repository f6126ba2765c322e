package pick_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/affdesk/affdesk/backend/pick"
)

// TestSearchMatchesKeysAndValuesInTreeOrder checks that a search finds
// keys and scalar values ignoring case, lists them in the order the tree
// shows them (object keys sorted), and gives each match the positions a
// view needs to load the page that holds it.
func TestSearchMatchesKeysAndValuesInTreeOrder(t *testing.T) {
	doc, err := pick.Parse([]byte(sample))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		query string
		paths string
		total int
	}{
		{"payout", "$.Actions[0].Payout,$.Actions[1].Payout", 2},
		{"1000.2", "$.Actions[1].Id", 1},
		{"PEND", "$.Actions[0].State", 1},
		{"true", "$.Actions[1].Ok", 1},
		{"null", "$.Actions[1].Note", 1},
		{"actions", "$.Actions", 1},
		{"1.5", "$.Actions[1].Payout", 1},
		{"a'b", `$['odd key']['a\'b']`, 1},
		{"", "", 0},
		{"absent", "", 0},
	}
	for _, tt := range tests {
		got := doc.Search(tt.query, 0)
		var paths []string
		for _, m := range got.Matches {
			paths = append(paths, m.Path)
		}
		if strings.Join(paths, ",") != tt.paths || got.Total != tt.total {
			t.Errorf("search %q: %v (total %d), want %s (total %d)", tt.query, paths, got.Total, tt.paths, tt.total)
		}
	}
	m := doc.Search("state", 0).Matches[0]
	if fmt.Sprint(m.Segments) != "[Actions 0 State]" || fmt.Sprint(m.Positions) != "[1 0 3]" || !m.InKey || m.InValue {
		t.Errorf("match = %+v", m)
	}
}

// TestSearchCapsMatchesButCountsAll checks that a search over a long
// list returns at most max matches and still counts every one.
func TestSearchCapsMatchesButCountsAll(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"rows":[`)
	for i := 0; i < 5000; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"name":"row %d"}`, i)
	}
	b.WriteString(`]}`)
	doc, err := pick.Parse([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	for _, max := range []int{10, 0} {
		got := doc.Search("ROW ", max)
		want := max
		if max == 0 {
			want = pick.MaxSearchMatches
		}
		if got.Total != 5000 || len(got.Matches) != want {
			t.Errorf("max %d: %d matches of %d", max, len(got.Matches), got.Total)
		}
	}
	last := doc.Search("row 4999", 0)
	if last.Total != 1 || last.Matches[0].Positions[1] != 4999 {
		t.Errorf("row 4999: %+v", last)
	}
}
