package request

import (
	"time"

	"github.com/affdesk/affdesk/backend/core"
)

// FloorAhead is how far ahead of a fast-paced connection's next free slot
// the stored state is written. The stored state is a durable floor: it is
// never earlier than the state in memory, so a process that starts after
// this one (even after a crash) never sends sooner than this one would
// have. Writing it FloorAhead ahead lets one commit cover every request
// reserved in the next FloorAhead of slots, instead of a commit (and its
// fsyncs) per request; the price is a next process waiting up to
// FloorAhead longer than needed. A connection paced FloorAhead apart or
// slower has its exact state written at each request, as a commit is
// then small beside the wait.
const FloorAhead = 200 * time.Millisecond

// persist writes key's state to States when the state in memory has
// passed the stored one (a later slot or a later block); it returns once
// the stored state covers the state as persist found it, so a request
// leaves only after its slot is on disk.
func (l *Limiters) persist(key string) {
	if l.States == nil {
		return
	}
	l.mu.Lock()
	e := l.m[key]
	s, limit := e.state, e.limit
	l.mu.Unlock()
	e.saveMu.Lock()
	defer e.saveMu.Unlock()
	if !s.NextFree.After(e.stored.NextFree) && !s.BlockedUntil.After(e.stored.BlockedUntil) {
		return
	}
	s.NextFree = s.NextFree.Add(floorAhead(limit))
	if err := l.States.SaveRateState(key, s); err == nil {
		e.stored = s
	}
}

// floorAhead is how far ahead of the next free slot the stored state of
// a connection paced by limit is written: FloorAhead when its requests
// are spaced closer than that, else nothing.
func floorAhead(limit core.RateLimit) time.Duration {
	if !paced(limit) || interval(limit) >= FloorAhead {
		return 0
	}
	return FloorAhead
}
