package request_test

import (
	"context"
	"testing"
	"time"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/request"
)

// countingStates is a memStates that counts its saves.
type countingStates struct {
	*memStates
	saves int
}

func (s *countingStates) SaveRateState(key string, st core.RateState) error {
	s.saves++
	return s.memStates.SaveRateState(key, st)
}

// TestPacingStoresADurableFloor proves that a fast-paced connection
// stores its state once per FloorAhead of slots rather than at every
// request, that a slow one stores it at every request, and that either
// way a next process never sends sooner than this one would have, and
// waits at most FloorAhead longer.
func TestPacingStoresADurableFloor(t *testing.T) {
	tests := []struct {
		name     string
		limit    core.RateLimit
		requests int
		saves    int
		maxExtra time.Duration // the most the next process may wait beyond this one's next slot
	}{
		{"1,000 a second", core.RateLimit{Requests: 1000, Per: "second"}, 1000, 5, request.FloorAhead},
		{"10 a second", core.RateLimit{Requests: 10, Per: "second"}, 10, 4, request.FloorAhead},
		{"5 a second", core.RateLimit{Requests: 5, Per: "second"}, 10, 10, 0},
		{"1,000 an hour", perHour, 3, 3, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			states, clk := &countingStates{memStates: newStates()}, newClock()
			target := rateTarget("7", tt.limit)
			first := request.NewLimiters(states)
			for range tt.requests {
				if _, err := first.Wait(context.Background(), target, clk.Now, clk.Sleep); err != nil {
					t.Fatal(err)
				}
			}
			if states.saves != tt.saves {
				t.Errorf("%d saves for %d requests, want %d", states.saves, tt.requests, tt.saves)
			}
			noSleep := func(context.Context, time.Duration) error { return nil }
			next, _ := request.NewLimiters(states).Wait(context.Background(), target, clk.Now, noSleep)
			own, _ := first.Wait(context.Background(), target, clk.Now, noSleep)
			if next < own || next-own > tt.maxExtra {
				t.Errorf("the next process waits %v, this one %v: want between 0 and %v more", next, own, tt.maxExtra)
			}
		})
	}
}
