package schedule

import (
	"fmt"
	"reflect"
	"time"
)

// load reads the source and replaces the jobs, keeping the place of each
// schedule that did not change. A new or changed schedule starts after
// floor too (Reload passes now: an edit's slots start after the edit).
// Called with s.mu held.
func (s *Scheduler) load(floor time.Time) error {
	entries, err := s.cfg.Source()
	if err != nil {
		return fmt.Errorf("read schedules: %w", err)
	}
	jobs := make(map[uint64]*job, len(entries))
	for _, e := range entries {
		if e.Schedule == nil || !e.Schedule.Enabled {
			continue
		}
		j, err := s.jobFor(e, floor)
		if err != nil {
			s.cfg.Logf("schedule of automation %d: %v", e.AutomationID, err)
			continue
		}
		jobs[e.AutomationID] = j
	}
	s.jobs = jobs
	s.dropStaleQueued()
	return nil
}

// jobFor returns the kept job of an unchanged entry, else a new one that
// starts after the latest of its save, its last recorded slot and floor.
func (s *Scheduler) jobFor(e Entry, floor time.Time) (*job, error) {
	sched := *e.Schedule
	if err := Check(sched); err != nil {
		return nil, err
	}
	_ = sched.Validate() // fills the policy defaults
	if old := s.jobs[e.AutomationID]; old != nil && old.updated.Equal(e.UpdatedAt) && reflect.DeepEqual(old.sched, sched) {
		return old, nil
	}
	p, err := compile(sched)
	if err != nil {
		return nil, err
	}
	after := e.UpdatedAt
	if floor.After(after) {
		after = floor
	}
	last, found, err := s.cfg.Store.LastSlot(e.AutomationID)
	if err != nil {
		return nil, err
	}
	if found && last.Slot.After(after) {
		after = last.Slot
	}
	j := &job{id: e.AutomationID, sched: sched, updated: e.UpdatedAt, plan: p, after: after}
	j.next = p.first(after)
	return j, nil
}

// dropStaleQueued forgets a waiting slot whose schedule was disabled,
// deleted, or edited so that it is no longer one of its slots.
func (s *Scheduler) dropStaleQueued() {
	for id, q := range s.queued {
		j := s.jobs[id]
		if j == nil || !j.plan.first(q.slot.Add(-time.Second)).Equal(q.slot) {
			delete(s.queued, id)
		}
	}
}
