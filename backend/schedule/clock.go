package schedule

import "time"

// Clock is the scheduler's time. Now is the wall clock, which the user
// may set and which leaps forward over a machine's sleep; Elapsed is
// monotonic (it never jumps), and After waits on it. The scheduler
// compares the two to notice a jump.
type Clock interface {
	Now() time.Time
	// Elapsed returns the monotonic time since an arbitrary origin.
	Elapsed() time.Duration
	// After returns a channel that receives once d has elapsed.
	After(d time.Duration) <-chan time.Time
}

// RealClock returns the machine's clock. Its monotonic time stops while
// the machine sleeps (as Go's timers do), so a wake shows as a jump of
// the wall clock.
func RealClock() Clock { return realClock{start: time.Now()} }

type realClock struct{ start time.Time }

func (c realClock) Now() time.Time                         { return time.Now() }
func (c realClock) Elapsed() time.Duration                 { return time.Since(c.start) }
func (c realClock) After(d time.Duration) <-chan time.Time { return time.After(d) }
