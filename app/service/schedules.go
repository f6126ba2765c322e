package service

import (
	"context"
	"log"
	"strconv"
	"sync"
	"time"

	"github.com/affdesk/affdesk/backend/schedule"
)

// keySchedulesPaused is the setting that pauses every schedule.
const keySchedulesPaused = "schedules_paused"

// Triggers a scheduled run records.
const (
	TriggerSchedule        = "schedule"
	TriggerScheduleCatchUp = "schedule (catch-up)"
)

// scheduler holds the running scheduler, if any.
type scheduler struct {
	mu    sync.Mutex
	s     *schedule.Scheduler
	clock schedule.Clock // nil: real time
}

// StartScheduler starts running saved schedules (the window and serve
// call it): slots missed while AffDesk was closed are handled first, by
// each schedule's missed-slot policy. Starting it twice is fine.
func (s *Services) StartScheduler(ctx context.Context) error {
	s.sched.mu.Lock()
	defer s.sched.mu.Unlock()
	if s.sched.s != nil {
		return nil
	}
	paused, err := s.SchedulesPaused()
	if err != nil {
		return err
	}
	if err := s.settleOrphanSlots(); err != nil {
		return err
	}
	sc := schedule.New(schedule.Config{Clock: s.sched.clock, Store: s.DB, Source: s.scheduleEntries, Fire: s.fireSlot, Paused: paused})
	if err := sc.Start(ctx); err != nil {
		return err
	}
	s.sched.s = sc
	return nil
}

// StopScheduler stops running schedules and returns once the scheduler
// has stopped; runs already started go on. Stopping it when it is not
// running is fine.
func (s *Services) StopScheduler() {
	s.sched.mu.Lock()
	sc := s.sched.s
	s.sched.s = nil
	s.sched.mu.Unlock()
	if sc != nil {
		sc.Stop()
	}
}

// Serve runs schedules until ctx ends (the command line's serve).
func (s *Services) Serve(ctx context.Context) error {
	if err := s.StartScheduler(ctx); err != nil {
		return err
	}
	<-ctx.Done()
	s.StopScheduler()
	return nil
}

// reloadSchedules has a running scheduler read the schedules again, after
// an automation was saved, deleted or imported.
func (s *Services) reloadSchedules() {
	s.sched.mu.Lock()
	sc := s.sched.s
	s.sched.mu.Unlock()
	if sc == nil {
		return
	}
	if err := sc.Reload(); err != nil {
		log.Printf("schedules: reload: %v", err)
	}
}

// scheduleEntries lists every automation for the scheduler.
func (s *Services) scheduleEntries() ([]schedule.Entry, error) {
	all, err := s.DB.ListAutomations()
	if err != nil {
		return nil, err
	}
	out := make([]schedule.Entry, 0, len(all))
	for _, a := range all {
		out = append(out, schedule.Entry{AutomationID: a.ID, Schedule: a.Schedule, UpdatedAt: a.UpdatedAt})
	}
	return out, nil
}

// fireSlot starts the run of a slot through the same path as a run by
// hand, with the trigger "schedule" (or "schedule (catch-up)").
func (s *Services) fireSlot(_ context.Context, id uint64, slot time.Time, catchUp bool) (uint64, <-chan struct{}, error) {
	if err := s.slotStillDue(id, slot); err != nil {
		return 0, nil, err
	}
	trigger := TriggerSchedule
	if catchUp {
		trigger = TriggerScheduleCatchUp
	}
	run, err := s.prepareRun(id, false, trigger)
	if err != nil {
		return 0, nil, err
	}
	done := make(chan struct{})
	s.executeInBackground(run, done)
	return run.ID, done, nil
}

// SchedulesPaused reports whether every schedule is paused.
func (s *Services) SchedulesPaused() (bool, error) {
	raw, err := s.DB.Setting(keySchedulesPaused)
	if err != nil || raw == "" {
		return false, err
	}
	return strconv.ParseBool(raw)
}

// SetSchedulesPaused pauses or resumes every schedule, at once and for
// later starts. A slot that comes while paused is recorded as skipped.
func (s *Services) SetSchedulesPaused(paused bool) error {
	if err := s.DB.SetSetting(keySchedulesPaused, strconv.FormatBool(paused)); err != nil {
		return err
	}
	s.sched.mu.Lock()
	defer s.sched.mu.Unlock()
	if s.sched.s != nil {
		s.sched.s.SetPaused(paused)
	}
	return nil
}
