package service_test

import (
	"testing"

	"github.com/affdesk/affdesk/app/internal/testkit"
	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/engine"
)

// TestBodyBudgetSetting proves the body budget defaults to the engine's,
// refuses sizes out of range naming the field, and keeps a stored size.
func TestBodyBudgetSetting(t *testing.T) {
	s := reopen(t, t.TempDir(), testkit.MemSecrets{})
	if got := s.BodyBudget(); got != engine.DefaultBodyBudget {
		t.Fatalf("default %d", got)
	}
	cases := []struct {
		n    int
		ok   bool
		want int
	}{
		{100, false, engine.DefaultBodyBudget}, {32 << 20, false, engine.DefaultBodyBudget}, {8 << 10, true, 8 << 10},
	}
	for _, c := range cases {
		err := s.SetBodyBudget(c.n)
		if (err == nil) != c.ok || (err != nil && core.ErrorCode(err) != core.EINVALID) {
			t.Errorf("set %d: %v", c.n, err)
		}
		if got := s.BodyBudget(); got != c.want {
			t.Errorf("after set %d: budget %d, want %d", c.n, got, c.want)
		}
	}
}
