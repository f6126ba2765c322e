package service

import (
	"context"
	"fmt"
	"testing"

	"github.com/affdesk/affdesk/backend/core"
)

// TestSelectAllMatchesSelect checks that selecting several paths on one
// parse gives what Select gives path by path, that a failure names the
// path being evaluated (a bad path its own index, a body that is not JSON
// the first), and what a payout beyond float64's precision becomes: as
// text it stays exact; as a JSON number ojg keeps it only to float64.
func TestSelectAllMatchesSelect(t *testing.T) {
	body := []byte(`{"Actions":[{"Id":"a","Payout":"12345678901234567.89","N":12345678901234567.89},{"Id":"b","Payout":"19.90","N":19.90}]}`)
	paths := []string{"$.Actions[*].Id", "$.Actions[?@.Id=='b'].Payout", "$.Actions[0].Payout", "$.Nothing"}
	var s selector
	all, failed, err := s.SelectAll(context.Background(), body, paths)
	if err != nil || failed != -1 || len(all) != len(paths) {
		t.Fatalf("SelectAll: %v at %d", err, failed)
	}
	for i, p := range paths {
		one, err := s.Select(context.Background(), body, p)
		if err != nil || fmt.Sprint(one) != fmt.Sprint(all[i]) {
			t.Errorf("%s: SelectAll %v, Select %v (%v)", p, all[i], one, err)
		}
	}
	if fmt.Sprint(all[2]) != "[12345678901234567.89]" {
		t.Errorf("text payout: %v", all[2])
	}
	if n, _ := s.Select(context.Background(), body, "$.Actions[0].N"); len(n) != 1 || n[0] != float64(12345678901234567.89) {
		t.Errorf("number payout: %#v (ojg reads a decimal as float64)", n)
	}
	tests := []struct {
		body  string
		paths []string
		index int
		code  string
	}{
		{`{"a":1}`, []string{"$.a", "$.a[", "$.b"}, 1, core.EINVALID},
		{`{"a":`, []string{"$.a", "$.b"}, 0, core.EINVALID},
		{`{"a":`, []string{"a", "$.b"}, 0, core.EINVALID},
	}
	for _, tt := range tests {
		got, failed, err := s.SelectAll(context.Background(), []byte(tt.body), tt.paths)
		if got != nil || failed != tt.index || core.ErrorCode(err) != tt.code {
			t.Errorf("%s %v: %v at %d, %v; want index %d", tt.body, tt.paths, got, failed, err, tt.index)
		}
	}
}
