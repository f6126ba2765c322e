package schedule_test

import (
	"testing"
	"time"

	"github.com/affdesk/affdesk/backend/core"
)

// TestOverlap: a slot that comes while the previous run is going skips,
// queues (one at most) or runs beside it, by the schedule's policy.
func TestOverlap(t *testing.T) {
	tests := []struct {
		policy  string
		fires   int      // runs started by 10:03, run 1 still going
		reasons []string // skipped records' reasons
	}{
		{core.OverlapSkip, 1, []string{"the previous run (#1) was still going", "the previous run (#1) was still going"}},
		{core.OverlapQueue, 1, []string{"the previous run (#1) was still going and another slot was already waiting"}},
		{core.OverlapParallel, 3, nil},
	}
	for _, tt := range tests {
		t.Run(tt.policy, func(t *testing.T) {
			h := newHarness(t)
			h.hold = true
			s := everyMinutes(1)
			s.Overlap = tt.policy
			h.set(1, s, t0)
			h.start(false)
			h.advance(3 * time.Minute)
			if got := len(h.calls()); got != tt.fires {
				t.Fatalf("%d runs, want %d", got, tt.fires)
			}
			var reasons []string
			for _, r := range h.records(1) {
				if r.Status == core.SlotSkipped {
					reasons = append(reasons, r.Reason)
				}
			}
			if len(reasons) != len(tt.reasons) || (len(reasons) > 0 && reasons[0] != tt.reasons[0]) {
				t.Fatalf("skipped %q, want %q", reasons, tt.reasons)
			}
			if tt.policy != core.OverlapQueue {
				return
			}
			h.release(1) // the waiting 10:02 slot runs now
			h.waitFires(2)
			if c := h.calls()[1]; !c.slot.Equal(t0.Add(2 * time.Minute)) {
				t.Fatalf("queued run was of slot %s", c.slot)
			}
			h.release(2)
			h.advance(time.Minute) // 10:04 runs as usual
			h.assertOncePerSlot()
			if got := h.statuses(1); got[core.SlotFired] != 3 || got[core.SlotSkipped] != 1 {
				t.Fatalf("records %v", got)
			}
		})
	}
}
