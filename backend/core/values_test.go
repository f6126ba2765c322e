package core_test

import (
	"encoding/json"
	"testing"

	"github.com/affdesk/affdesk/backend/core"
)

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
