package engine

import "time"

// Shutdown cancels every run in progress and waits, at most wait, for
// each to record how it ended (Cancelled, with its writes' outcomes). It
// reports whether they all did; the caller may then close the store.
func (e *Engine) Shutdown(wait time.Duration) bool {
	e.mu.Lock()
	for _, cancel := range e.active {
		cancel()
	}
	e.mu.Unlock()
	done := make(chan struct{})
	go func() {
		e.running.Wait()
		close(done)
	}()
	select {
	case <-done:
		return true
	case <-time.After(wait):
		return false
	}
}
