package request_test

import (
	"context"
	"testing"
	"time"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/request"
)

// TestFarAheadStoredStateHeals: a stored slot far ahead (a clock
// that was set back) is clamped to one period on first use; the clamped
// state must then be stored, so the next process does not wait a whole
// period again.
func TestFarAheadStoredStateHeals(t *testing.T) {
	states, clk := newStates(), newClock()
	limit := core.RateLimit{Requests: 1000, Per: "hour"}
	target := rateTarget("9", limit)
	_ = states.SaveRateState("9", core.RateState{NextFree: clk.Now().Add(48 * time.Hour)})
	first := request.NewLimiters(states)
	if _, err := first.Wait(context.Background(), target, clk.Now, clk.Sleep); err != nil {
		t.Fatal(err)
	}
	for range 3 {
		if _, err := first.Wait(context.Background(), target, clk.Now, clk.Sleep); err != nil {
			t.Fatal(err)
		}
	}
	noSleep := func(context.Context, time.Duration) error { return nil }
	next, _ := request.NewLimiters(states).Wait(context.Background(), target, clk.Now, noSleep)
	own, _ := first.Wait(context.Background(), target, clk.Now, noSleep)
	if next > own+time.Second {
		t.Errorf("the next process waits %v, this one %v: the stored state was never healed", next, own)
	}
}
