package service

import (
	"context"
	"strconv"
	"time"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/engine"
	"github.com/affdesk/affdesk/backend/request"
)

// keyRateWaitMinutes is the setting that caps a run's waits for rate limits.
const keyRateWaitMinutes = "rate_wait_minutes"

// DefaultRateWaitMinutes is a run's wait cap unless Settings changes it.
const DefaultRateWaitMinutes = int(request.DefaultWaitBudget / time.Minute)

// RateWaitMinutes returns how many minutes one run (or one test call) may
// wait in all for trackers' rate limits and retries.
func (s *Services) RateWaitMinutes() (int, error) {
	raw, err := s.DB.Setting(keyRateWaitMinutes)
	if err != nil || raw == "" {
		return DefaultRateWaitMinutes, err
	}
	n, err := strconv.Atoi(raw)
	if err != nil || n < 1 || n > 120 {
		return DefaultRateWaitMinutes, nil
	}
	return n, nil
}

// SetRateWaitMinutes stores the per-run wait cap (1 to 120 minutes); runs
// started afterwards use it.
func (s *Services) SetRateWaitMinutes(n int) error {
	if n < 1 || n > 120 {
		return core.FieldError("rateWaitMinutes", "The rate-limit wait per run must be between 1 and 120 minutes.")
	}
	return s.DB.SetSetting(keyRateWaitMinutes, strconv.Itoa(n))
}

// waitBudget returns a fresh budget of the configured cap reporting each
// wait to report (may be nil).
func (s *Services) waitBudget(report func(request.WaitNotice)) *request.WaitBudget {
	mins, _ := s.RateWaitMinutes()
	return request.NewWaitBudget(time.Duration(mins)*time.Minute, report)
}

// runContext gives one run its wait budget; each wait shows as the run's
// progress ("Waiting 42 s for impact.com's rate limit (3 of 10 min used)"),
// and its own cache of resolved targets (runTarget).
func (s *Services) runContext(ctx context.Context, runID uint64) context.Context {
	ctx = withRunTargets(ctx)
	return request.WithWaitBudget(ctx, s.waitBudget(func(n request.WaitNotice) {
		if f := s.onEvent.Load(); f != nil {
			(*f)(engine.Event{RunID: runID, Status: core.RunRunning, Message: n.Message(), Wait: true})
		}
	}))
}
