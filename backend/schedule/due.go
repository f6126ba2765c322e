package schedule

import (
	"fmt"
	"time"

	"github.com/affdesk/affdesk/backend/core"
)

// missedReason is the reason of a missed slot.
const missedReason = "AffDesk was closed or the computer was asleep"

// maxMissed bounds the missed slots recorded per automation at a time.
const maxMissed = 100

// tick handles every slot due at now. strict (at Start, after a jump)
// means slots older than the grace were missed; otherwise the newest due
// slot runs however late the loop woke. Called with s.mu held.
func (s *Scheduler) tick(now time.Time, strict bool) {
	var b batch
	for _, j := range s.jobs {
		if j.next.IsZero() || j.next.After(now) {
			continue
		}
		due := dueSlots(j.plan, j.after, now, maxMissed+1)
		j.after = now
		j.next = j.plan.first(now)
		s.decide(&b, j, due, now, strict)
	}
	s.commit(&b)
}

// decide turns one job's due slots into records and at most one run: the
// newest on-time slot runs; older ones follow the missed-slot policy.
func (s *Scheduler) decide(b *batch, j *job, due []time.Time, now time.Time, strict bool) {
	if len(due) == 0 {
		return
	}
	var run time.Time
	if last := due[len(due)-1]; !strict || !last.Before(now.Add(-grace)) {
		run, due = last, due[:len(due)-1]
	}
	due = due[max(0, len(due)-maxMissed):]
	window := now.Add(-time.Duration(j.sched.CatchUpHours) * time.Hour)
	catchUp := j.sched.Missed == core.MissedCatchUp
	var covered []time.Time
	late := false
	for i := len(due) - 1; i >= 0; i-- {
		slot := due[i]
		switch {
		case !catchUp || slot.Before(window):
			b.record(j.id, slot, core.SlotMissed, missedReason)
		case run.IsZero():
			run, late = slot, true
		default:
			covered = append(covered, slot)
		}
	}
	if !run.IsZero() {
		s.start(b, j.id, pending{slot: run, catchUp: late}, covered)
	}
}

// start runs a slot by the pause and overlap rules: covered are missed
// slots its run catches up on (recorded missed when it does not run).
func (s *Scheduler) start(b *batch, id uint64, p pending, covered []time.Time) {
	reason := ""
	if s.paused {
		reason = "schedules are paused"
	} else if going := s.running[id]; len(going) > 0 {
		reason = s.overlap(id, p, going[len(going)-1])
	}
	if reason == "" {
		b.fire(id, p, covered)
		return
	}
	if reason != queuedReason {
		b.record(id, p.slot, core.SlotSkipped, reason)
	}
	for _, c := range covered {
		b.record(id, c, core.SlotMissed, missedReason)
	}
}

// queuedReason marks a slot that waits for the running run.
const queuedReason = "queued"

// overlap applies the job's overlap policy to a slot that comes while
// run lastRun is going; it returns "" to run it, queuedReason when it
// waits, or why it is skipped.
func (s *Scheduler) overlap(id uint64, p pending, lastRun uint64) string {
	j := s.jobs[id]
	policy := core.OverlapSkip
	if j != nil {
		policy = j.sched.Overlap
	}
	switch policy {
	case core.OverlapParallel:
		return ""
	case core.OverlapQueue:
		if _, waiting := s.queued[id]; !waiting {
			s.queued[id] = p
			return queuedReason
		}
		return fmt.Sprintf("the previous run (#%d) was still going and another slot was already waiting", lastRun)
	}
	return fmt.Sprintf("the previous run (#%d) was still going", lastRun)
}

// dueSlots returns the newest limit slots of p in (after, now], looking
// back only as far as needed.
func dueSlots(p *plan, after, now time.Time, limit int) []time.Time {
	for span := time.Hour; ; span *= 2 {
		from := now.Add(-span)
		if !from.After(after) {
			from = after
		}
		var out []time.Time
		p.each(from, func(t time.Time) bool {
			if t.After(now) {
				return false
			}
			out = append(out, t)
			if len(out) > limit {
				out = out[1:]
			}
			return true
		})
		if len(out) >= limit || from.Equal(after) {
			return out
		}
	}
}
