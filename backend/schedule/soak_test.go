package schedule_test

import (
	"os"
	"runtime"
	"runtime/pprof"
	"testing"
	"time"
)

// TestSoak: 1,000 every-minute schedules over three simulated hours:
// every slot runs exactly once, and Stop leaves no goroutine behind.
func TestSoak(t *testing.T) {
	if testing.Short() {
		t.Skip("soak")
	}
	const automations, minutes = 1000, 180
	before := runtime.NumGoroutine()
	h := newHarness(t)
	for id := uint64(1); id <= automations; id++ {
		h.set(id, everyMinutes(1), t0)
	}
	h.start(false)
	h.advance(minutes * time.Minute)
	h.stop()
	if after := settledGoroutines(before); after > before {
		t.Errorf("goroutines %d before, %d after Stop", before, after)
		pprof.Lookup("goroutine").WriteTo(os.Stdout, 1)
	}
	h.assertOncePerSlot()
	if got := len(h.calls()); got != automations*minutes {
		t.Fatalf("%d runs, want %d", got, automations*minutes)
	}
	for _, id := range []uint64{1, 500, 1000} {
		if got := h.statuses(id); got["fired"] != minutes || len(got) != 1 {
			t.Errorf("automation %d records %v", id, got)
		}
	}
}

// settledGoroutines returns the goroutine count once it is back to want
// or below (a goroutine an earlier test left may end meanwhile), or after
// many yields: the runtime may briefly run a finalizer goroutine of its own.
func settledGoroutines(want int) int {
	runtime.GC()
	n := runtime.NumGoroutine()
	for i := 0; i < 100000 && n > want; i++ {
		runtime.Gosched()
		n = runtime.NumGoroutine()
	}
	return n
}
