package schedule_test

import (
	"testing"
	"time"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/schedule"
)

// FuzzCron feeds arbitrary expressions to Check, Describe and Next: none
// may panic, and a valid expression has a description and strictly
// increasing slots after the start.
func FuzzCron(f *testing.F) {
	for _, seed := range []string{"0 9 * * MON", "*/5 * * * *", "0 0 30 2 *", "0 25 * * *", "1-5/2 0 1,15 JAN-MAR ?"} {
		f.Add(seed, "America/New_York")
	}
	after := time.Date(2026, 3, 7, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, expr, tz string) {
		s := core.Schedule{Kind: core.ScheduleCron, Cron: expr, Timezone: tz}
		if schedule.Check(s) != nil {
			return
		}
		if schedule.Describe(s) == "" {
			t.Errorf("%q has no description", expr)
		}
		last := after
		for _, slot := range schedule.Next(s, after, 20) {
			if !slot.After(last) {
				t.Fatalf("%q: slot %v not after %v", expr, slot, last)
			}
			last = slot
		}
	})
}
