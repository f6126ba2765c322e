package service_test

import (
	"testing"

	"github.com/affdesk/affdesk/app/internal/testkit"
	"github.com/affdesk/affdesk/backend/core"
)

// TestPreviewScheduleListsFiveSlotsAfterNow: every 15 minutes from the
// fixed clock (12:00 UTC) starts at 12:15, in words naming the timezone;
// a bad cron expression is an error on schedule.cron.
func TestPreviewScheduleListsFiveSlotsAfterNow(t *testing.T) {
	s, _ := testkit.MustServices(t, nil)
	p, err := s.PreviewSchedule(core.Schedule{Kind: core.ScheduleEvery, Every: 15, Unit: "minutes", Timezone: "UTC"})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Next) != 5 || p.Next[0].At != "Fri 20 Nov 2026 12:15" || p.Next[4].At != "Fri 20 Nov 2026 13:15" {
		t.Errorf("slots %+v", p.Next)
	}
	if p.Description == "" || p.Next[0].Local == "" {
		t.Errorf("description %q, local %q", p.Description, p.Next[0].Local)
	}
	_, err = s.PreviewSchedule(core.Schedule{Kind: core.ScheduleCron, Cron: "61 * * * *", Timezone: "UTC"})
	if core.ErrorField(err) != "schedule.cron" {
		t.Errorf("bad cron: %v, want an error on schedule.cron", err)
	}
}

// TestScheduleStatesAndPause: an enabled schedule has a next slot, an off
// one has none; the pause is stored.
func TestScheduleStatesAndPause(t *testing.T) {
	s, _ := testkit.MustServices(t, nil)
	step := []core.Step{{ID: "s1", Kind: core.StepApproval, Message: "Go?"}}
	for _, on := range []bool{true, false} {
		if _, err := s.SaveAutomation(core.Automation{Name: "A " + map[bool]string{true: "on", false: "off"}[on], Steps: step,
			Schedule: &core.Schedule{Enabled: on, Kind: core.ScheduleDaily, At: "09:00", Timezone: "UTC"}}); err != nil {
			t.Fatal(err)
		}
	}
	states, err := s.ScheduleStates()
	if err != nil || len(states) != 2 {
		t.Fatalf("states %+v, %v", states, err)
	}
	for _, st := range states {
		if st.Enabled != (st.Next != "") {
			t.Errorf("state %+v: enabled and next disagree", st)
		}
		if st.Enabled && st.Next != "2026-11-21T09:00:00Z" {
			t.Errorf("next %v, want 2026-11-21T09:00:00Z", st.Next)
		}
	}
	if err := s.SetSchedulesPaused(true); err != nil {
		t.Fatal(err)
	}
	if p, _ := s.SchedulesPaused(); !p {
		t.Error("pause not stored")
	}
}

// TestSaveRefusesABadCronExpression: the expression is parsed at save,
// not at the first slot, and the error names schedule.cron.
func TestSaveRefusesABadCronExpression(t *testing.T) {
	s, _ := testkit.MustServices(t, nil)
	_, err := s.SaveAutomation(core.Automation{Name: "Bad cron", Steps: []core.Step{{ID: "s1", Kind: core.StepApproval, Message: "Go?"}},
		Schedule: &core.Schedule{Kind: core.ScheduleCron, Cron: "61 * * * *", Timezone: "UTC"}})
	if core.ErrorField(err) != "schedule.cron" {
		t.Fatalf("got %v, want an error on schedule.cron", err)
	}
}
