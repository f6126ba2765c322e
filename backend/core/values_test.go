package core_test

import (
	"encoding/json"
	"testing"

	"github.com/affdesk/affdesk/backend/core"
)

func TestNumber(t *testing.T) {
	tests := []struct {
		in   any
		want float64
		ok   bool
	}{
		{12.5, 12.5, true}, {7, 7, true}, {int64(3), 3, true}, {json.Number("1e3"), 1000, true},
		{"2,038", 2038, true}, {"$1,204.10", 1204.10, true}, {"4.51%", 4.51, true}, {" 9 ", 9, true},
		{"12abc", 0, false}, {"", 0, false}, {"N/A", 0, false}, {nil, 0, false}, {true, 0, false},
	}
	for _, tt := range tests {
		got, ok := core.Number(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Number(%#v) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestDig(t *testing.T) {
	var doc any
	json.Unmarshal([]byte(`{"data":{"items":[1,2]},"pagination":{"next_page":2},"n":5}`), &doc)
	tests := []struct{ path, want string }{
		{"data.items", "[1,2]"}, {"$.data.items", "[1,2]"}, {"pagination.next_page", "2"},
		{"n.x", "null"}, {"missing.key", "null"}, {"data..items", "[1,2]"},
		{"$", `{"data":{"items":[1,2]},"n":5,"pagination":{"next_page":2}}`}, {"", `{"data":{"items":[1,2]},"n":5,"pagination":{"next_page":2}}`},
	}
	for _, tt := range tests {
		if got, _ := json.Marshal(core.Dig(doc, tt.path)); string(got) != tt.want {
			t.Errorf("Dig(%q) = %s, want %s", tt.path, got, tt.want)
		}
	}
}
