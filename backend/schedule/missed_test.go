package schedule_test

import (
	"testing"
	"time"

	"github.com/affdesk/affdesk/backend/core"
)

// TestMissedAtStart: slots that passed while AffDesk was closed follow
// the missed-slot policy; none before the schedule was saved counts.
func TestMissedAtStart(t *testing.T) {
	catchUp := everyMinutes(15)
	catchUp.Missed, catchUp.CatchUpHours = core.MissedCatchUp, 1
	tests := []struct {
		name    string
		s       core.Schedule
		saved   time.Time
		want    map[string]int
		fires   int
		catchUp bool
		slot    time.Time
	}{
		// Closed from 10:00 to 12:05: slots 10:15 … 12:00 passed.
		{"skip", everyMinutes(15), t0, map[string]int{core.SlotMissed: 8}, 0, false, time.Time{}},
		// Window 11:05-12:05: 12:00 runs as catch-up, 11:15-11:45 are caught up.
		{"catch up", catchUp, t0, map[string]int{core.SlotMissed: 4, core.SlotFired: 1, core.SlotCaughtUp: 3}, 1, true, t0.Add(2 * time.Hour)},
		{"saved later", everyMinutes(15), t0.Add(100 * time.Minute), map[string]int{core.SlotMissed: 2}, 0, false, time.Time{}},
		// A day of every-minute slots: 12:05 is on time and runs; of the
		// missed ones only the newest 100 are recorded.
		{"bounded", everyMinutes(1), t0.Add(-22 * time.Hour), map[string]int{core.SlotMissed: 100, core.SlotFired: 1}, 1, false, t0.Add(125 * time.Minute)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			h.clk.Advance(125 * time.Minute)
			h.set(1, tt.s, tt.saved)
			h.start(false)
			if got := h.statuses(1); !equalCounts(got, tt.want) {
				t.Errorf("records %v, want %v", got, tt.want)
			}
			calls := h.calls()
			if len(calls) != tt.fires || (tt.fires == 1 && (calls[0].catchUp != tt.catchUp || !calls[0].slot.Equal(tt.slot))) {
				t.Fatalf("fires %+v", calls)
			}
			for _, r := range h.records(1) {
				if r.Status == core.SlotCaughtUp && r.RunID != calls[0].runID {
					t.Errorf("caught-up slot %s has run %d, want %d", r.Slot, r.RunID, calls[0].runID)
				}
			}
		})
	}
}

// TestMissedAfterSleep: a sleep shows as a jump of the wall clock; the
// slots it swallowed are missed, not run late, and slots go on after.
func TestMissedAfterSleep(t *testing.T) {
	h := newHarness(t)
	h.set(1, everyMinutes(15), t0)
	h.start(false)
	h.advance(30 * time.Minute) // 10:15 and 10:30 run
	h.clk.Jump(3 * time.Hour)   // asleep until 13:30
	h.advance(time.Minute)      // 13:31: the heartbeat notices
	if h.s.Jumps() != 1 {
		t.Fatalf("jumps %d, want 1", h.s.Jumps())
	}
	// 10:45 … 13:15 (11 slots) passed asleep; 13:30, a minute late, runs.
	if got := h.statuses(1); got[core.SlotMissed] != 11 || got[core.SlotFired] != 3 {
		t.Fatalf("records %v", got)
	}
	h.advance(15 * time.Minute) // 13:45 runs
	if calls := h.calls(); len(calls) != 4 || !calls[3].slot.Equal(t0.Add(3*time.Hour+45*time.Minute)) || calls[3].catchUp {
		t.Fatalf("fires %+v", calls)
	}
	h.advance(2 * time.Hour) // no jump: nothing more is missed
	if h.s.Jumps() != 1 || h.statuses(1)[core.SlotMissed] != 11 {
		t.Fatalf("jumps %d, records %v", h.s.Jumps(), h.statuses(1))
	}
}

func equalCounts(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}
