package schedule

import (
	"sync"
	"time"
)

// ManualClock is a Clock that moves only when told, for tests: Advance
// lets time pass (firing due waiters), Jump moves the wall clock alone
// (a sleep, or the user setting the clock). Arms counts After calls, so
// a test can wait until the scheduler waits again.
type ManualClock struct {
	mu      sync.Mutex
	cond    *sync.Cond
	wall    time.Time
	elapsed time.Duration
	waiters []manualWaiter
	arms    int
}

type manualWaiter struct {
	at time.Duration
	ch chan time.Time
}

// NewManualClock returns a clock showing start.
func NewManualClock(start time.Time) *ManualClock {
	c := &ManualClock{wall: start}
	c.cond = sync.NewCond(&c.mu)
	return c
}

// Now implements Clock.
func (c *ManualClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.wall
}

// Elapsed implements Clock.
func (c *ManualClock) Elapsed() time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.elapsed
}

// After implements Clock; a d of zero or less is due at once.
func (c *ManualClock) After(d time.Duration) <-chan time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	ch := make(chan time.Time, 1)
	if d <= 0 {
		ch <- c.wall
	} else {
		c.waiters = append(c.waiters, manualWaiter{at: c.elapsed + d, ch: ch})
	}
	c.arms++
	c.cond.Broadcast()
	return ch
}

// Advance lets d pass on both clocks and fires the waiters now due.
func (c *ManualClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.wall, c.elapsed = c.wall.Add(d), c.elapsed+d
	kept := c.waiters[:0]
	for _, w := range c.waiters {
		if w.at <= c.elapsed {
			w.ch <- c.wall
		} else {
			kept = append(kept, w)
		}
	}
	c.waiters = kept
}

// Jump moves the wall clock by d without time passing.
func (c *ManualClock) Jump(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.wall = c.wall.Add(d)
}

// Arms returns how many times After has been called.
func (c *ManualClock) Arms() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.arms
}

// WaitArms blocks until After has been called more than n times.
func (c *ManualClock) WaitArms(n int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for c.arms <= n {
		c.cond.Wait()
	}
}
