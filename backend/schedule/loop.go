package schedule

import "time"

// heartbeat is the longest the loop sleeps, so a jump of the wall clock
// (a sleep, a manual change) is noticed within a minute.
const heartbeat = time.Minute

// grace is how late a slot may still run as usual after a jump or at
// Start; an older one was missed.
const grace = time.Minute

// loop sleeps until the next slot (or a heartbeat, or a Reload) and
// handles the slots then due, until the scheduler stops.
func (s *Scheduler) loop() {
	defer s.wg.Done()
	for {
		wall, elapsed := s.cfg.Clock.Now(), s.cfg.Clock.Elapsed()
		wakeAt := s.sleepFor(wall)
		select {
		case <-s.ctx.Done():
			return
		case <-s.cfg.Clock.After(wakeAt):
		case <-s.wake:
		}
		s.mu.Lock()
		now := s.cfg.Clock.Now()
		jumped := s.jumped(wall, elapsed, now)
		s.tick(now, jumped)
		s.mu.Unlock()
	}
}

// sleepFor returns how long to sleep from now: until the earliest next
// slot, at most a heartbeat.
func (s *Scheduler) sleepFor(now time.Time) time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := heartbeat
	for _, j := range s.jobs {
		if !j.next.IsZero() && j.next.Sub(now) < d {
			d = j.next.Sub(now)
		}
	}
	return max(d, 0)
}

// jumped compares how far the wall clock moved since (wall, elapsed) with
// the time that really passed, and counts a difference over a minute as
// a jump: the machine slept, or the clock was set.
func (s *Scheduler) jumped(wall time.Time, elapsed time.Duration, now time.Time) bool {
	drift := now.Sub(wall) - (s.cfg.Clock.Elapsed() - elapsed)
	if drift > -time.Minute && drift < time.Minute {
		return false
	}
	s.jumps++
	s.cfg.Logf("schedules: the clock jumped by %s; checking for missed slots", drift.Round(time.Second))
	return true
}
