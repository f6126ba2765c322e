package service_test

import (
	"context"
	"testing"
	"time"

	"github.com/affdesk/affdesk/app/internal/testkit"
	"github.com/affdesk/affdesk/app/service"
	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/schedule"
)

// scheduledServices opens services on dir whose clock and scheduler run
// on clk.
func scheduledServices(t *testing.T, dir string, clk *schedule.ManualClock) *service.Services {
	t.Helper()
	s, err := service.Open(service.Config{DataDir: dir, Secrets: testkit.MemSecrets{}, Now: clk.Now, Clock: clk})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// advance lets d pass a minute at a time, each time until the scheduler
// sleeps again.
func advance(clk *schedule.ManualClock, d time.Duration) {
	for ; d > 0; d -= time.Minute {
		n := clk.Arms()
		clk.Advance(time.Minute)
		clk.WaitArms(n)
	}
}

func everyMinute(t *testing.T, s *service.Services) core.Automation {
	t.Helper()
	a, err := s.SaveAutomation(core.Automation{Name: "Tick", Trigger: core.Trigger{Kind: "schedule"},
		Schedule: &core.Schedule{Enabled: true, Kind: core.ScheduleEvery, Every: 1, Unit: "minutes", Timezone: "UTC",
			Overlap: core.OverlapParallel},
		Steps: []core.Step{{ID: "s1", Kind: core.StepCondition, Match: "all", Rules: []core.ConditionRule{{Left: "1", Op: core.OpEquals, Right: "1"}}}}})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// TestScheduledRunsOnceAcrossRestart: each slot makes one run with the
// trigger "schedule", also when AffDesk restarts on the minute it ran.
func TestScheduledRunsOnceAcrossRestart(t *testing.T) {
	dir, clk := t.TempDir(), schedule.NewManualClock(testkit.Fixed)
	s := scheduledServices(t, dir, clk)
	a := everyMinute(t, s)
	n := clk.Arms()
	if err := s.StartScheduler(context.Background()); err != nil {
		t.Fatal(err)
	}
	clk.WaitArms(n)
	advance(clk, 3*time.Minute)
	s.Close()

	s = scheduledServices(t, dir, clk)
	defer s.Close()
	n = clk.Arms()
	if err := s.StartScheduler(context.Background()); err != nil {
		t.Fatal(err)
	}
	clk.WaitArms(n)
	advance(clk, 2*time.Minute)
	s.StopScheduler()
	s.Close()
	s = scheduledServices(t, dir, clk)
	defer s.Close()

	runs, err := s.DB.ListRuns(core.RunFilter{AutomationID: a.ID})
	if err != nil || len(runs) != 5 {
		t.Fatalf("%d runs, %v; want 5", len(runs), err)
	}
	recs, _ := s.DB.Slots(a.ID, 0)
	seen := map[uint64]bool{}
	for _, r := range recs {
		if r.Status != core.SlotFired || r.RunID == 0 || seen[r.RunID] {
			t.Errorf("slot record %+v", r)
		}
		seen[r.RunID] = true
	}
	for _, r := range runs {
		if r.Trigger != service.TriggerSchedule || !seen[r.ID] {
			t.Errorf("run %d trigger %q, in the slot records %v", r.ID, r.Trigger, seen[r.ID])
		}
	}
}

// TestScheduleServices: the preview, the check at save, the pause
// setting, the states and the default timezone.
func TestScheduleServices(t *testing.T) {
	s, _ := testkit.MustServices(t, nil)
	p, err := s.PreviewSchedule(core.Schedule{Kind: core.ScheduleDaily, At: "09:00", Timezone: "Europe/Berlin"})
	if err != nil || p.Description != "Every day at 09:00 (Europe/Berlin)" || len(p.Next) != 5 || p.Next[0].At != "Sat 21 Nov 2026 09:00" || p.Next[0].Local != time.Date(2026, 11, 21, 8, 0, 0, 0, time.UTC).Local().Format("Mon 2 Jan 2006 15:04 MST") {
		t.Fatalf("preview %+v %v", p, err)
	}
	if _, err := s.PreviewSchedule(core.Schedule{Kind: core.ScheduleCron, Cron: "0 25 * * *", Timezone: "UTC"}); core.ErrorField(err) != "schedule.cron" {
		t.Fatalf("bad cron preview: %v", err)
	}
	a := everyMinute(t, s)
	a.Schedule.Kind, a.Schedule.Cron = core.ScheduleCron, "61 * * * *"
	if _, err := s.SaveAutomation(a); core.ErrorField(err) != "schedule.cron" {
		t.Fatalf("saving a bad cron: %v", err)
	}
	if err := s.SetSchedulesPaused(true); err != nil {
		t.Fatal(err)
	}
	if p, err := s.SchedulesPaused(); !p || err != nil {
		t.Fatalf("paused %v %v", p, err)
	}
	states, err := s.ScheduleStates()
	if err != nil || len(states) != 1 || !states[0].Enabled || states[0].Next != "2026-11-20T12:01:00Z" {
		t.Fatalf("states %+v %v", states, err)
	}
	dup, err := s.DuplicateAutomation(a.ID)
	if err != nil || dup.Schedule == nil || dup.Schedule.Enabled {
		t.Fatalf("a duplicate's schedule is on: %+v %v", dup.Schedule, err)
	}
	c := testkit.SaveConn(t, s, core.ConnectionInput{Connection: core.Connection{Name: "Berlin", Platform: core.PlatformDemo, Timezone: "Europe/Berlin"}})
	withStats := core.Automation{Steps: []core.Step{{Kind: core.StepCondition}, {Kind: core.StepPullStats, Stats: &core.StatsConfig{ConnectionID: c.ID}}}}
	if tz := s.DefaultScheduleTimezone(withStats); tz != "Europe/Berlin" {
		t.Errorf("default timezone %q", tz)
	}
	if tz := s.DefaultScheduleTimezone(core.Automation{}); tz != "UTC" {
		t.Errorf("default timezone without a connection %q", tz)
	}
}
