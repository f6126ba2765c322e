package service

import "github.com/affdesk/affdesk/backend/core"

// SetHookLogf makes the webhook listener log to f (tests read its lines).
func SetHookLogf(s *Services, f func(string, ...any)) { s.hooks.logf = f }

// LookupHook finds the trigger a token belongs to, as the listener does.
func LookupHook(s *Services, token string) (enabled, ok bool, err error) {
	h, ok, err := s.lookupHook(token)
	return h.Enabled, ok, err
}

// ScheduledRunsGoing lists the runs the scheduler counts as still going
// for an automation (none when it does not run).
func ScheduledRunsGoing(s *Services, id uint64) []uint64 {
	s.sched.mu.Lock()
	sc := s.sched.s
	s.sched.mu.Unlock()
	if sc == nil {
		return nil
	}
	return sc.Going(id)
}

// SetJournal swaps the engine's write journal (benchmarks measure what
// the durable journal costs against one that records nothing).
func SetJournal(s *Services, j core.WriteJournal) { s.engine.Journal = j }
