package schedule_test

import (
	"strings"
	"testing"
	"time"

	"github.com/affdesk/affdesk/backend/core"
)

// TestOnceAcrossRestart: stop, reopen the data file, start again, on the
// very minute a slot ran: no slot runs twice, none is lost.
func TestOnceAcrossRestart(t *testing.T) {
	h := newHarness(t)
	h.set(1, everyMinutes(1), t0)
	h.set(2, everyMinutes(5), t0)
	h.start(false)
	h.advance(10 * time.Minute)
	h.stop()
	h.db.Close()
	h.open()
	h.start(false)
	h.advance(10 * time.Minute)
	h.assertOncePerSlot()
	counts := map[uint64]int{}
	for _, c := range h.calls() {
		counts[c.id]++
	}
	if counts[1] != 20 || counts[2] != 4 {
		t.Fatalf("runs per automation %v, want 20 and 4", counts)
	}
}

// TestClaimedBeforeCrash: a slot claimed by a process that died before
// its run started is not run again.
func TestClaimedBeforeCrash(t *testing.T) {
	h := newHarness(t)
	h.set(1, everyMinutes(1), t0)
	if _, err := h.db.ClaimSlot(1, t0.Add(time.Minute), core.SlotRecord{Status: core.SlotFired, At: t0}); err != nil {
		t.Fatal(err)
	}
	h.clk.Advance(time.Minute)
	h.start(false)
	h.advance(time.Minute)
	if c := h.calls(); len(c) != 1 || !c[0].slot.Equal(t0.Add(2*time.Minute)) {
		t.Fatalf("fires %+v", c)
	}
}

// TestEdit: a slot the edit removed never runs; one already run is not
// run again when an edit keeps it.
func TestEdit(t *testing.T) {
	h := newHarness(t)
	h.set(1, everyMinutes(1), t0)
	h.start(false)
	h.advance(time.Minute) // 10:01 runs
	h.set(1, everyMinutes(1), t0.Add(30*time.Second))
	h.reload() // an edit saved before 10:01 (another clock) keeps 10:01
	h.clk.Advance(30 * time.Second)
	h.set(1, everyMinutes(2), h.clk.Now()) // 10:01:30: every 2 minutes, 10:03 is gone
	h.reload()
	h.advance(150 * time.Second) // to 10:04
	h.assertOncePerSlot()
	var slots []string
	for _, c := range h.calls() {
		slots = append(slots, c.slot.Format("15:04"))
	}
	if strings.Join(slots, " ") != "10:01 10:02 10:04" {
		t.Fatalf("runs at %v, want 10:01 10:02 10:04", slots)
	}
}

// TestDisableAndPause: a disabled schedule stops (its off time is not
// missed when it comes back); a paused one records its slots skipped.
func TestDisableAndPause(t *testing.T) {
	h := newHarness(t)
	h.set(1, everyMinutes(1), t0)
	h.start(false)
	h.advance(2 * time.Minute) // 10:01, 10:02
	h.disable(1, h.clk.Now())
	h.reload()
	h.advance(5 * time.Minute)
	h.set(1, everyMinutes(1), h.clk.Now()) // 10:07: on again
	h.reload()
	h.advance(time.Minute) // 10:08
	if got := h.statuses(1); len(h.calls()) != 3 || got[core.SlotFired] != 3 || got[core.SlotMissed] != 0 {
		t.Fatalf("runs %d, records %v", len(h.calls()), got)
	}
	h.s.SetPaused(true)
	h.advance(2 * time.Minute)
	recs := h.records(1)
	if last := recs[len(recs)-1]; last.Status != core.SlotSkipped || last.Reason != "schedules are paused" || len(h.calls()) != 3 {
		t.Fatalf("paused slot %+v, runs %d", last, len(h.calls()))
	}
	h.s.SetPaused(false)
	h.advance(time.Minute)
	if len(h.calls()) != 4 || h.statuses(1)[core.SlotSkipped] != 2 {
		t.Fatalf("after resuming: runs %d, records %v", len(h.calls()), h.statuses(1))
	}
}
