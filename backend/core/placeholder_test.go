package core_test

import (
	"strings"
	"testing"

	"github.com/affdesk/affdesk/backend/core"
)

func TestParsePlaceholders(t *testing.T) {
	tests := []struct {
		in      string
		names   []string
		wantErr string
	}{
		{"/3.0/admin/partner/{affiliate_id}", []string{"affiliate_id"}, ""},
		{"/Actions/{ActionId}/Items/{Sku}", []string{"ActionId", "Sku"}, ""},
		{"/x/{a.b-c_1}", []string{"a.b-c_1"}, ""},
		{"/plain", nil, ""},
		{"", nil, ""},
		{"/x/{id", nil, "never closed"},
		{"/x/id}", nil, "closes no placeholder"},
		{"/x/{}", nil, "not a valid placeholder name"},
		{"/x/{affiliate id}", nil, "not a valid placeholder name"},
		{"/x/{1abc}", nil, "not a valid placeholder name"},
		{"/x/{a{b}}", nil, "not a valid placeholder name"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := core.ParsePlaceholders(tt.in)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error = %v, want it to contain %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("unexpected error %v", err)
			}
			var names []string
			for _, p := range got {
				names = append(names, p.Name)
				if tt.in[p.Start:p.End] != "{"+p.Name+"}" {
					t.Errorf("offsets %d:%d give %q", p.Start, p.End, tt.in[p.Start:p.End])
				}
			}
			if strings.Join(names, ",") != strings.Join(tt.names, ",") {
				t.Errorf("names = %v, want %v", names, tt.names)
			}
		})
	}
}

// FuzzParsePlaceholders checks that parsing never panics and that every
// placeholder found sits at its offsets with a valid name.
func FuzzParsePlaceholders(f *testing.F) {
	for _, s := range []string{"/a/{b}", "{", "}", "/{x}/{y}", "{{}}", "/a/{é}", "/{a.b}"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		phs, err := core.ParsePlaceholders(s)
		if err != nil {
			return
		}
		for _, p := range phs {
			if s[p.Start:p.End] != "{"+p.Name+"}" || !core.ValidName(p.Name) {
				t.Fatalf("bad placeholder %+v in %q", p, s)
			}
		}
	})
}
