package service

import (
	"time"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/schedule"
)

// slotStillDue checks, at the moment a slot fires, what the scheduler's
// plan may not know yet: that the stored schedule is still on and still
// has this slot (an edit saved an instant before), and, unless runs may
// overlap, that no run of the automation is waiting for approval (such a
// run has not ended: it would apply its writes after this one). The
// error, an ECONFLICT, is the reason the slot is recorded as skipped.
func (s *Services) slotStillDue(id uint64, slot time.Time) error {
	a, err := s.DB.GetAutomation(id)
	if err != nil {
		return err
	}
	sc := a.Schedule
	if sc == nil || !sc.Enabled {
		return core.Errorf(core.ECONFLICT, "the schedule was turned off")
	}
	if next := schedule.Next(*sc, slot.Add(-time.Second), 1); len(next) == 0 || !next[0].Equal(slot) {
		return core.Errorf(core.ECONFLICT, "the schedule changed, and this slot is no longer in it")
	}
	if sc.Overlap == core.OverlapParallel {
		return nil
	}
	waiting, err := s.DB.ListRuns(core.RunFilter{AutomationID: id, Status: core.RunWaiting, Limit: 1})
	if err == nil && len(waiting) > 0 {
		return core.Errorf(core.ECONFLICT, "run #%d is still waiting for approval", waiting[0].ID)
	}
	return err
}
