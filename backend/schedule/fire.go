package schedule

import (
	"fmt"
	"time"

	"github.com/affdesk/affdesk/backend/core"
)

// batch collects one tick's records, claimed in one transaction, and the
// runs to start once their slots are claimed.
type batch struct {
	claims []core.SlotClaim
	fires  []firing
}

// firing is a run to start: claims[claim] is its slot (recorded fired),
// claims[covers] the missed slots it catches up on.
type firing struct {
	claim   int
	covers  []int
	catchUp bool
}

func (b *batch) add(id uint64, slot time.Time, status, reason string) int {
	b.claims = append(b.claims, core.SlotClaim{AutomationID: id,
		Record: core.SlotRecord{Slot: slot, Status: status, Reason: reason}})
	return len(b.claims) - 1
}

func (b *batch) record(id uint64, slot time.Time, status, reason string) {
	b.add(id, slot, status, reason)
}

func (b *batch) fire(id uint64, p pending, covered []time.Time) {
	f := firing{catchUp: p.catchUp}
	reason := ""
	if p.catchUp {
		reason = fmt.Sprintf("catch-up run for %d missed slot(s)", len(covered)+1)
	}
	f.claim = b.add(id, p.slot, core.SlotFired, reason)
	for _, c := range covered {
		f.covers = append(f.covers, b.add(id, c, core.SlotCaughtUp, ""))
	}
	b.fires = append(b.fires, f)
}

// commit claims the batch's slots, starts the run of each slot it
// claimed, and records the runs' IDs. A slot someone recorded before is
// left alone. Called with s.mu held.
func (s *Scheduler) commit(b *batch) {
	if len(b.claims) == 0 {
		return
	}
	now := s.cfg.Clock.Now()
	for i := range b.claims {
		b.claims[i].Record.At = now
	}
	claimed, err := s.cfg.Store.ClaimSlots(b.claims)
	if err != nil {
		s.cfg.Logf("schedules: record %d slot(s): %v", len(b.claims), err)
		return
	}
	var updates []core.SlotClaim
	for _, f := range b.fires {
		if claimed[f.claim] {
			updates = s.run(b, f, claimed, updates)
		}
	}
	if err := s.cfg.Store.UpdateSlots(updates); err != nil {
		s.cfg.Logf("schedules: record the runs of %d slot(s): %v", len(updates), err)
	}
}

// run starts one claimed slot's run and returns updates with its records
// (the run's ID, or why it could not start) appended.
func (s *Scheduler) run(b *batch, f firing, claimed []bool, updates []core.SlotClaim) []core.SlotClaim {
	c := b.claims[f.claim]
	runID, done, err := s.cfg.Fire(s.ctx, c.AutomationID, c.Record.Slot, f.catchUp)
	if err != nil {
		c.Record.Status, c.Record.Reason = core.SlotSkipped, "the run could not start: "+core.ErrorMessage(err)
		s.cfg.Logf("schedules: automation %d: the run could not start: %v", c.AutomationID, err)
	} else {
		c.Record.RunID = runID
		s.watch(c.AutomationID, runID, done)
	}
	updates = append(updates, c)
	for _, i := range f.covers {
		if !claimed[i] {
			continue
		}
		cov := b.claims[i]
		if err != nil {
			cov.Record.Status, cov.Record.Reason = core.SlotMissed, missedReason
		}
		cov.Record.RunID = c.Record.RunID
		updates = append(updates, cov)
	}
	return updates
}

// watch notes a run as going until done is closed; then the slot
// waiting for it, if any, runs. Called with s.mu held.
func (s *Scheduler) watch(id, runID uint64, done <-chan struct{}) {
	if done == nil {
		return
	}
	select {
	case <-done:
		return
	default:
	}
	s.running[id] = append(s.running[id], runID)
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		select {
		case <-done:
			s.ended(id, runID)
		case <-s.ctx.Done():
		}
	}()
}

// ended forgets a finished run and starts the slot waiting for it.
func (s *Scheduler) ended(id, runID uint64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	going := s.running[id]
	for i, r := range going {
		if r == runID {
			going = append(going[:i:i], going[i+1:]...)
			break
		}
	}
	if len(going) == 0 {
		delete(s.running, id)
	} else {
		s.running[id] = going
	}
	q, waiting := s.queued[id]
	if !waiting || len(going) > 0 || s.ctx.Err() != nil {
		return
	}
	delete(s.queued, id)
	var b batch
	s.start(&b, id, q, nil)
	s.commit(&b)
}
