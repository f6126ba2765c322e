package request

import (
	"context"
	"net/http"
	"sync"
	"time"

	"github.com/affdesk/affdesk/backend/core"
)

// MaxBlock is the longest a tracker's own signal (Retry-After, or
// X-RateLimit-Remaining: 0 with its reset) holds a connection's requests.
// A longer one, or a stored one from a damaged file, is cut to this; a run's
// wait budget usually stops it sooner.
const MaxBlock = time.Hour

// Limiters paces the requests of each rate key (a connection), shared by
// every caller of that connection. A connection's own limit spreads its
// requests evenly (burst 1: 1,000 per hour is one every 3.6 s); the
// tracker's signals block it until the time the tracker names. With States
// set, both survive the process, so back-to-back runs share the quota.
type Limiters struct {
	// States keeps each key's RateState in the data file; nil keeps it in
	// memory only. A failed save never fails a request.
	States core.RateStates

	mu sync.Mutex
	m  map[string]*rateEntry
}

type rateEntry struct {
	state  core.RateState
	limit  core.RateLimit // the limit the state was last clamped for
	seen   bool
	saveMu sync.Mutex
	stored core.RateState // the state last read from or written to States; guarded by saveMu
}

// turn is one reservation: when the request may leave, how much of the
// wait the tracker asked for, and what to restore if it is given up.
type turn struct {
	at, slot, blocked time.Time
	prevNext          time.Time
	paced             bool
}

// NewLimiters returns an empty set keeping state in states (nil for none).
func NewLimiters(states core.RateStates) *Limiters {
	return &Limiters{States: states, m: map[string]*rateEntry{}}
}

// period is the length of a rate-limit period.
func period(per string) time.Duration {
	switch per {
	case "minute":
		return time.Minute
	case "hour":
		return time.Hour
	}
	return time.Second
}

// paced reports whether a limit spaces requests: set, and not Off.
func paced(l core.RateLimit) bool { return !l.Off && l.Requests > 0 }

// interval is the spacing between two requests under a paced limit.
func interval(l core.RateLimit) time.Duration { return period(l.Per) / time.Duration(l.Requests) }

// Wait reserves the next slot of t's connection and sleeps until it,
// returning how long it slept. The part of the wait the tracker asked for
// is charged to ctx's WaitBudget; when it would pass the budget, Wait
// returns the budget's EUNAVAILABLE error at once, without reserving.
// Waits of a second or more are reported through the budget. A cancelled
// sleep gives its slot back where no later caller took the next one.
func (l *Limiters) Wait(ctx context.Context, t core.Target, now func() time.Time, sleep func(context.Context, time.Duration) error) (time.Duration, error) {
	r, err := l.reserve(ctx, t, now())
	if err != nil {
		return 0, err
	}
	l.persist(t.RateKey)
	d := r.slot.Sub(r.at)
	if d <= 0 {
		return 0, nil
	}
	if err := sleep(ctx, d); err != nil {
		l.release(t, r)
		return 0, err
	}
	return d, nil
}

// reserve takes the slot under the lock, charging the tracker-asked part.
func (l *Limiters) reserve(ctx context.Context, t core.Target, at time.Time) (turn, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	e := l.entry(t, at)
	r := turn{at: at, slot: laterOf(at, e.state.BlockedUntil), blocked: e.state.BlockedUntil, prevNext: e.state.NextFree, paced: paced(t.RateLimit)}
	if r.paced {
		r.slot = laterOf(r.slot, e.state.NextFree)
	}
	if err := WaitBudgetFrom(ctx).take(t.ConnectionName, r.slot.Sub(at), r.blocked.Sub(at)); err != nil {
		return turn{}, err
	}
	if r.paced {
		e.state.NextFree = r.slot.Add(interval(t.RateLimit))
	}
	return r, nil
}

// entry returns t's state, read from States on first use and clamped when
// first seen or when the limit changes: a slot at most one period ahead,
// a block at most MaxBlock ahead. A damaged stored state counts as empty.
func (l *Limiters) entry(t core.Target, at time.Time) *rateEntry {
	e := l.m[t.RateKey]
	if e == nil {
		e = &rateEntry{}
		if l.States != nil {
			if s, err := l.States.GetRateState(t.RateKey); err == nil {
				e.state, e.stored = s, s
			}
		}
		l.m[t.RateKey] = e
	}
	if !e.seen || e.limit != t.RateLimit {
		e.state.NextFree = earlierOf(e.state.NextFree, at.Add(period(t.RateLimit.Per)))
		e.state.BlockedUntil = earlierOf(e.state.BlockedUntil, at.Add(MaxBlock))
		// A stored state beyond the clamp (a clock set back) is rewritten
		// by the next save instead of holding every later process back.
		e.stored.NextFree = earlierOf(e.stored.NextFree, e.state.NextFree)
		e.stored.BlockedUntil = earlierOf(e.stored.BlockedUntil, e.state.BlockedUntil)
		e.seen, e.limit = true, t.RateLimit
	}
	return e
}

// release gives a slot back after a cancelled wait, when no later caller
// reserved the one after it.
func (l *Limiters) release(t core.Target, r turn) {
	if !r.paced {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	e := l.m[t.RateKey]
	if e != nil && e.state.NextFree.Equal(r.slot.Add(interval(t.RateLimit))) {
		e.state.NextFree = r.prevNext
	}
}

// Observe reads a response's rate-limit signals (see TrackerBlock) and
// blocks t's connection, for every caller, until the time the tracker
// names, at most MaxBlock ahead. Any status counts, 2xx included.
func (l *Limiters) Observe(t core.Target, status int, h http.Header, now time.Time) {
	until, ok := TrackerBlock(status, h, now)
	if !ok {
		return
	}
	until = earlierOf(until, now.Add(MaxBlock))
	l.mu.Lock()
	e := l.entry(t, now)
	changed := until.After(e.state.BlockedUntil)
	if changed {
		e.state.BlockedUntil = until
	}
	l.mu.Unlock()
	if changed {
		l.persist(t.RateKey)
	}
}

func laterOf(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

func earlierOf(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}
