package service

import (
	"context"
	"strings"
	"testing"

	"github.com/affdesk/affdesk/backend/core"
)

// TestSelectorHonoursContextAndLimits checks the engine's selector: a
// cancelled context stops a selection, and a path that would select
// millions of nodes ends in a plain EINVALID error.
func TestSelectorHonoursContextAndLimits(t *testing.T) {
	body := `{"a":1}`
	for i := 0; i < 12; i++ {
		body = `{"a":[` + body + `,` + body + `]}`
	}
	var s selector
	if _, err := s.Select(context.Background(), []byte(body), "$..a..a..a..a..a..a"); core.ErrorCode(err) != core.EINVALID || !strings.Contains(err.Error(), "narrow it") {
		t.Errorf("exploding path: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.Select(ctx, []byte(body), "$..a"); core.ErrorCode(err) != core.EUNAVAILABLE {
		t.Errorf("cancelled: %v", err)
	}
	got, err := s.Select(context.Background(), []byte(`{"x":[{"id":1},{"id":2}]}`), "$.x[*].id")
	if err != nil || len(got) != 2 {
		t.Errorf("plain path: %v %v", got, err)
	}
}
