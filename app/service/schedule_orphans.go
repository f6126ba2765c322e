package service

import (
	"github.com/affdesk/affdesk/backend/core"
)

// orphanLookback is how many of an automation's newest slot records the
// start-up check reads: a crash leaves at most the slots of one tick.
const orphanLookback = 20

// settleOrphanSlots runs before the scheduler starts: a slot claimed as
// fired whose run never got an ID was claimed just before AffDesk stopped
// (a crash between the claim and the run). It is not run again, and now
// says so: it is recorded as skipped, with the reason, so the list shows
// the slot that did not run.
func (s *Services) settleOrphanSlots() error {
	autos, err := s.DB.ListAutomations()
	if err != nil {
		return err
	}
	var fix []core.SlotClaim
	for _, a := range autos {
		recs, err := s.DB.Slots(a.ID, orphanLookback)
		if err != nil {
			return err
		}
		for _, r := range recs {
			if r.Status == core.SlotFired && r.RunID == 0 {
				r.Status, r.Reason, r.At = core.SlotSkipped, "AffDesk stopped before the run started; it was not run later", s.Now().UTC()
				fix = append(fix, core.SlotClaim{AutomationID: a.ID, Record: r})
			}
		}
	}
	if len(fix) == 0 {
		return nil
	}
	return s.DB.UpdateSlots(fix)
}
