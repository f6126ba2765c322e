package service_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/affdesk/affdesk/app/internal/testkit"
	"github.com/affdesk/affdesk/app/service"
	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/schedule"
)

// TestSlotsRespectWaitingRunsAndEditsNotYetLoaded proves a slot that
// comes while the previous run waits for approval is skipped with that
// reason (such a run has not ended), and a slot of a schedule turned off
// behind the scheduler's plan is skipped, not run.
func TestSlotsRespectWaitingRunsAndEditsNotYetLoaded(t *testing.T) {
	clk := schedule.NewManualClock(testkit.Fixed)
	s := scheduledServices(t, t.TempDir(), clk)
	defer s.Close()
	a, err := s.SaveAutomation(core.Automation{Name: "Ask first",
		Schedule: &core.Schedule{Enabled: true, Kind: core.ScheduleEvery, Every: 1, Unit: "minutes", Timezone: "UTC", Overlap: core.OverlapSkip},
		Steps:    []core.Step{{ID: "s1", Kind: core.StepApproval, Message: "Go?"}}})
	if err != nil {
		t.Fatal(err)
	}
	n := clk.Arms()
	if err := s.StartScheduler(context.Background()); err != nil {
		t.Fatal(err)
	}
	clk.WaitArms(n)
	advance(clk, time.Minute)
	for deadline := time.Now().Add(5 * time.Second); !waiting(s, a.ID) || len(service.ScheduledRunsGoing(s, a.ID)) > 0; time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the first slot's run never came to wait for approval")
		}
	}
	advance(clk, time.Minute)
	a.Schedule.Enabled = false
	if err := s.DB.SaveAutomation(&a); err != nil { // behind the scheduler's back: no reload
		t.Fatal(err)
	}
	advance(clk, time.Minute)
	recs, _ := s.DB.Slots(a.ID, 0)
	reasons := []string{}
	for _, r := range recs {
		if r.Status == core.SlotSkipped {
			reasons = append(reasons, r.Reason)
		}
	}
	joined := strings.Join(reasons, " | ")
	if len(reasons) != 2 || !strings.Contains(joined, "is still waiting for approval") || !strings.Contains(joined, "the schedule was turned off") {
		t.Fatalf("skipped slots: %q", reasons)
	}
	if runs, _ := s.DB.ListRuns(core.RunFilter{AutomationID: a.ID}); len(runs) != 1 {
		t.Fatalf("%d runs, want the first slot's only", len(runs))
	}
}

// waiting reports whether a run of the automation waits for approval.
func waiting(s *service.Services, id uint64) bool {
	runs, _ := s.DB.ListRuns(core.RunFilter{AutomationID: id, Status: core.RunWaiting})
	return len(runs) > 0
}

// TestSlotClaimedBeforeACrashShowsAsSkipped proves a slot claimed as fired
// whose run never started (AffDesk stopped between the two) is recorded
// as skipped, with the reason, when the scheduler next starts, and is not
// run again.
func TestSlotClaimedBeforeACrashShowsAsSkipped(t *testing.T) {
	clk := schedule.NewManualClock(testkit.Fixed)
	s := scheduledServices(t, t.TempDir(), clk)
	defer s.Close()
	a := everyMinute(t, s)
	slot := testkit.Fixed.Add(-time.Minute).Truncate(time.Minute)
	if ok, err := s.DB.ClaimSlot(a.ID, slot, core.SlotRecord{Slot: slot, Status: core.SlotFired, At: slot}); !ok || err != nil {
		t.Fatalf("claim: %v %v", ok, err)
	}
	n := clk.Arms()
	if err := s.StartScheduler(context.Background()); err != nil {
		t.Fatal(err)
	}
	clk.WaitArms(n)
	s.StopScheduler()
	recs, _ := s.DB.Slots(a.ID, 0)
	found := false
	for _, r := range recs {
		if !r.Slot.Equal(slot) {
			continue
		}
		found = true
		if r.Status != core.SlotSkipped || !strings.Contains(r.Reason, "stopped before the run started") {
			t.Fatalf("the orphan slot: %+v", r)
		}
	}
	if !found {
		t.Fatalf("the orphan slot's record is gone: %+v", recs)
	}
	if runs, _ := s.DB.ListRuns(core.RunFilter{AutomationID: a.ID}); len(runs) != 0 {
		t.Fatalf("%d runs: the claimed slot ran again", len(runs))
	}
}
