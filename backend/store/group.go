package store

import (
	"sync"

	bolt "go.etcd.io/bbolt"
)

// groupCommit shares write transactions between callers: a caller that
// finds no transaction under way commits at once (a lone writer never
// waits for company), and callers arriving while one is being committed
// queue up and go together in the next, under one fsync.
type groupCommit struct {
	mu      sync.Mutex
	queue   []groupCall
	leading bool
}

// groupCall is one caller's change and where its result goes; lead
// hands it the queue to commit instead.
type groupCall struct {
	fn   func(*bolt.Tx) error
	done chan groupResult
}

type groupResult struct {
	err  error
	lead bool
}

// group runs fn in a write transaction, possibly shared with other
// callers', and returns once that transaction is on disk. fn may run
// more than once (alone, after another caller's change failed), so it
// must only depend on the transaction it is given.
func (db *DB) group(fn func(*bolt.Tx) error) error {
	g := &db.commits
	call := groupCall{fn: fn, done: make(chan groupResult, 1)}
	g.mu.Lock()
	g.queue = append(g.queue, call)
	if g.leading {
		g.mu.Unlock()
		if res := <-call.done; !res.lead {
			return res.err
		}
	} else {
		g.leading = true
		g.mu.Unlock()
	}
	db.lead()
	return (<-call.done).err
}

// lead commits everything queued, then hands the lead to the first
// caller queued meanwhile, or gives it up.
func (db *DB) lead() {
	g := &db.commits
	g.mu.Lock()
	calls := g.queue
	g.queue = nil
	g.mu.Unlock()
	db.commitAll(calls)
	g.mu.Lock()
	defer g.mu.Unlock()
	if len(g.queue) == 0 {
		g.leading = false
		return
	}
	g.queue[0].done <- groupResult{lead: true}
}

// commitAll commits calls in one transaction; when that fails, each call
// is tried in a transaction of its own, so one bad change fails alone.
func (db *DB) commitAll(calls []groupCall) {
	err := db.bolt.Update(func(tx *bolt.Tx) error {
		for _, c := range calls {
			if err := c.fn(tx); err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil || len(calls) == 1 {
		for _, c := range calls {
			c.done <- groupResult{err: err}
		}
		return
	}
	for _, c := range calls {
		c.done <- groupResult{err: db.bolt.Update(c.fn)}
	}
}
