package core

import (
	"reflect"
	"strings"
	"testing"
)

func TestTemplateTags(t *testing.T) {
	long := strings.Repeat("é", MaxTagLen+1)
	many := make([]string, MaxTags+1)
	for i := range many {
		many[i] = string(rune('a'+i%26)) + strings.Repeat("x", i)
	}
	tests := []struct {
		name  string
		tags  []string
		want  []string
		field string
	}{
		{"none", nil, nil, ""},
		{"trimmed and deduplicated", []string{" Reports ", "reports", "", "Offers"}, []string{"Reports", "Offers"}, ""},
		{"too long", []string{"ok", long}, nil, "tags[1]"},
		{"too many", many, nil, "tags"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tpl := ActionTemplate{Tags: tt.tags}
			err := tpl.normalizeTags()
			if tt.field != "" {
				if err == nil || !strings.Contains(ErrorField(err), tt.field) {
					t.Fatalf("err = %v, want field %s", err, tt.field)
				}
				return
			}
			if err != nil || !reflect.DeepEqual(tpl.Tags, tt.want) {
				t.Fatalf("tags = %q, err %v; want %q", tpl.Tags, err, tt.want)
			}
		})
	}
}
