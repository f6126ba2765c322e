package request

import (
	"encoding/json"
	"testing"

	"github.com/affdesk/affdesk/backend/core"
)

// TestMergedCountsDescribeTheMergedList merges two pages of each
// envelope and checks the counts say what the merged body holds, not
// what page 1 said.
func TestMergedCountsDescribeTheMergedList(t *testing.T) {
	tests := []struct {
		name, items, page1, page2, want string
	}{
		{"impact", "Actions",
			`{"@page":"1","@numpages":"2","@pagesize":"2","@total":"9","@start":"0","@end":"1","@nextpageuri":"/x?Page=2","Actions":[{"Id":"a"},{"Id":"b"}]}`,
			`{"@page":"2","@numpages":"2","@pagesize":"2","@total":"9","@start":"2","@end":"3","@nextpageuri":"","Actions":[{"Id":"c"}]}`,
			`{"@end":"2","@nextpageuri":"","@numpages":"1","@page":"1","@pagesize":"3","@start":"0","@total":"3","Actions":[{"Id":"a"},{"Id":"b"},{"Id":"c"}]}`},
		{"affise", "partners",
			`{"status":1,"partners":[{"id":1}],"pagination":{"per_page":1,"total_count":7,"page":1,"next_page":2}}`,
			`{"status":1,"partners":[{"id":2}],"pagination":{"per_page":1,"total_count":7,"page":2,"next_page":false}}`,
			`{"pagination":{"next_page":false,"page":1,"per_page":2,"total_count":2},"partners":[{"id":1},{"id":2}],"status":1}`},
		{"generic", "data.items",
			`{"total":40,"data":{"count":1,"items":[{"id":1}]}}`,
			`{"total":40,"data":{"count":1,"items":[{"id":2}]}}`,
			`{"data":{"count":2,"items":[{"id":1},{"id":2}]},"total":2}`},
	}
	for _, tt := range tests {
		m := newMerger(core.Pagination{Kind: core.PageNumber, ItemsKey: tt.items}, true, false)
		for _, page := range []string{tt.page1, tt.page2} {
			if err := m.add([]byte(page)); err != nil {
				t.Fatal(err)
			}
		}
		got, err := m.result()
		if err != nil || string(got) != tt.want {
			t.Errorf("%s: %s (%v)\nwant %s", tt.name, got, err, tt.want)
		}
	}
}

// TestSplitMergeDropsRepeats checks de-duplication across windows: by ID
// when the template names the ID field, by whole record otherwise.
func TestSplitMergeDropsRepeats(t *testing.T) {
	w1 := `{"Actions":[{"Id":"1","v":1},{"Id":"2","v":1}]}`
	w2 := `{"Actions":[{"Id":"2","v":2},{"Id":"3","v":1},{"Id":"3","v":1}]}`
	for _, tt := range []struct{ idKey, want string }{
		{"Id", `[{"Id":"1","v":1},{"Id":"2","v":1},{"Id":"3","v":1},{"Id":"3","v":1}]`},
		{"", `[{"Id":"1","v":1},{"Id":"2","v":1},{"Id":"2","v":2},{"Id":"3","v":1},{"Id":"3","v":1}]`},
	} {
		m := newMerger(core.Pagination{ItemsKey: "Actions", IDKey: tt.idKey}, true, true)
		m.nextWindow()
		m.add([]byte(w1))
		m.nextWindow()
		m.add([]byte(w2))
		body, _ := m.result()
		var doc struct{ Actions json.RawMessage }
		json.Unmarshal(body, &doc)
		if string(doc.Actions) != tt.want {
			t.Errorf("idKey %q: %s, want %s (only a record an earlier window returned is dropped)", tt.idKey, doc.Actions, tt.want)
		}
	}
}
