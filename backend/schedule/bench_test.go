package schedule_test

import (
	"context"
	"testing"
	"time"

	"github.com/affdesk/affdesk/backend/schedule"
)

// BenchmarkStart measures starting a scheduler with 1,000 schedules
// (reading them, their last slots, and planning each).
func BenchmarkStart(b *testing.B) {
	h := newHarness(b)
	for id := uint64(1); id <= 1000; id++ {
		h.set(id, everyMinutes(5), t0)
	}
	b.ResetTimer()
	for range b.N {
		s := schedule.New(schedule.Config{Clock: h.clk, Store: h.db, Source: h.source, Fire: h.fire, Logf: func(string, ...any) {}})
		if err := s.Start(context.Background()); err != nil {
			b.Fatal(err)
		}
		s.Stop()
	}
}

// BenchmarkFire measures the scheduler's cost per slot run: 1,000
// every-minute schedules, a fake run that ends at once, one simulated
// minute per op (claims and run IDs written to a real data file);
// ns/run is the cost of one slot.
func BenchmarkFire(b *testing.B) {
	h := newHarness(b)
	for id := uint64(1); id <= 1000; id++ {
		h.set(id, everyMinutes(1), t0)
	}
	h.start(false)
	b.ResetTimer()
	for range b.N {
		h.advance(time.Minute)
	}
	b.StopTimer()
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(len(h.calls())), "ns/run")
}
