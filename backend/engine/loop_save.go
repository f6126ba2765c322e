package engine

import (
	"time"

	"github.com/affdesk/affdesk/backend/core"
)

// A top-level loop stores its finished items in batches: one commit for
// up to ItemBatch items, or for whatever finished within ItemFlushEvery
// of the last commit (engine clock), and the rest when the loop ends. An
// item's record is the run's display of it; every write in it is in the
// write journal, committed before it is sent and after it is answered,
// so a batch lost to a crash loses no write: the store rebuilds such
// items from the journal when it marks the run interrupted.
const (
	ItemBatch      = 100
	ItemFlushEvery = time.Second
)

// keepItem queues a finished item of a top-level loop and stores the
// queue when it is full or due.
func (r *runner) keepItem(l *loop, it core.Iteration) {
	now := r.e.now()
	l.mu.Lock()
	l.pending = append(l.pending, it)
	var batch []core.Iteration
	if len(l.pending) >= ItemBatch || now.Sub(l.flushedAt) >= ItemFlushEvery {
		batch, l.pending, l.flushedAt = l.pending, nil, now
	}
	l.mu.Unlock()
	if len(batch) > 0 {
		r.saveItems(l, batch)
	}
}

// flushItems stores every queued item; the loop calls it as it ends.
func (r *runner) flushItems(l *loop) {
	l.mu.Lock()
	batch := l.pending
	l.pending = nil
	l.mu.Unlock()
	if len(batch) > 0 {
		r.saveItems(l, batch)
	}
}
