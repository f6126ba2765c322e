package core

import "time"

// RateState is what AffDesk remembers about a connection's rate limit
// between requests and between processes, so that back-to-back runs share
// the tracker's quota. The zero value means "nothing to wait for".
type RateState struct {
	// NextFree is the earliest time the next request may leave under the
	// connection's own limit (requests spread evenly over the period).
	NextFree time.Time `json:"nextFree"`
	// BlockedUntil is the time the tracker said to wait for (Retry-After,
	// or X-RateLimit-Remaining: 0 with its reset): no request of the
	// connection leaves before it.
	BlockedUntil time.Time `json:"blockedUntil"`
}

// RateStates persists RateState per rate key (one per connection).
// Implementations must be safe for concurrent use.
type RateStates interface {
	// GetRateState returns the state stored under key, or the zero state
	// (and no error) when none is. A damaged entry is an EINTERNAL error;
	// callers treat it as the zero state, so it never blocks requests.
	GetRateState(key string) (RateState, error)
	// SaveRateState replaces the state stored under key.
	SaveRateState(key string, s RateState) error
}
