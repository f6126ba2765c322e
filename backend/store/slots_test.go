package store_test

import (
	"testing"
	"time"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/store"
)

func slotAt(min int) time.Time { return fixed.Add(time.Duration(min) * time.Minute) }

func TestClaimSlotOnce(t *testing.T) {
	dir := t.TempDir()
	db := MustOpen(t, dir)
	rec := core.SlotRecord{Status: core.SlotFired, At: fixed}
	if ok, err := db.ClaimSlot(7, slotAt(0), rec); !ok || err != nil {
		t.Fatalf("first claim: %v %v", ok, err)
	}
	rec.Status = core.SlotSkipped
	if ok, err := db.ClaimSlot(7, slotAt(0).Add(400*time.Millisecond), rec); ok || err != nil {
		t.Fatalf("second claim of the same second: %v %v", ok, err)
	}
	if ok, _ := db.ClaimSlot(8, slotAt(0), rec); !ok {
		t.Fatal("another automation's slot of the same time was refused")
	}
	db.Close()
	db = MustOpen(t, dir)
	if ok, _ := db.ClaimSlot(7, slotAt(0), rec); ok {
		t.Fatal("a claim made before reopening was forgotten")
	}
	last, found, err := db.LastSlot(7)
	if err != nil || !found || last.Status != core.SlotFired || !last.Slot.Equal(slotAt(0)) {
		t.Fatalf("last slot %+v %v %v", last, found, err)
	}
	if _, found, _ := db.LastSlot(99); found {
		t.Fatal("an automation without records has a last slot")
	}
}

func TestClaimSlotsBatchAndUpdate(t *testing.T) {
	db := MustOpen(t, "")
	claims := []core.SlotClaim{
		{AutomationID: 1, Record: core.SlotRecord{Slot: slotAt(0), Status: core.SlotMissed}},
		{AutomationID: 1, Record: core.SlotRecord{Slot: slotAt(1), Status: core.SlotFired}},
		{AutomationID: 1, Record: core.SlotRecord{Slot: slotAt(0), Status: core.SlotFired}},
	}
	ok, err := db.ClaimSlots(claims)
	if err != nil || !ok[0] || !ok[1] || ok[2] {
		t.Fatalf("claims %v %v", ok, err)
	}
	upd := claims[1]
	upd.Record.RunID = 42
	if err := db.UpdateSlots([]core.SlotClaim{upd}); err != nil {
		t.Fatal(err)
	}
	if last, _, _ := db.LastSlot(1); last.RunID != 42 {
		t.Fatalf("update lost: %+v", last)
	}
	missing := core.SlotClaim{AutomationID: 1, Record: core.SlotRecord{Slot: slotAt(5), Status: core.SlotFired}}
	if err := db.UpdateSlots([]core.SlotClaim{upd, missing}); core.ErrorCode(err) != core.ENOTFOUND {
		t.Fatalf("update of an unclaimed slot: %v", err)
	}
	if ok, _ := db.ClaimSlot(1, slotAt(5), core.SlotRecord{}); !ok {
		t.Fatal("a failed update wrote the slot it refused")
	}
}

func TestSlotSummary(t *testing.T) {
	db := MustOpen(t, "")
	statuses := []string{core.SlotMissed, core.SlotFired, core.SlotMissed, core.SlotSkipped, core.SlotCaughtUp, core.SlotMissed, core.SlotSkipped}
	for i, st := range statuses {
		if _, err := db.ClaimSlot(3, slotAt(i), core.SlotRecord{Status: st, RunID: uint64(i)}); err != nil {
			t.Fatal(err)
		}
	}
	sum, err := db.SlotSummary(3)
	if err != nil || sum.Missed != 2 || sum.Skipped != 2 || sum.LastFired == nil || sum.LastFired.RunID != 1 ||
		sum.Last == nil || !sum.Last.Slot.Equal(slotAt(6)) {
		t.Fatalf("summary %+v %v", sum, err)
	}
	if sum, _ := db.SlotSummary(4); sum.Last != nil || sum.Missed != 0 {
		t.Fatalf("empty summary %+v", sum)
	}
	if err := db.DeleteSlots(3); err != nil || db.DeleteSlots(3) != nil {
		t.Fatal(err)
	}
	if _, found, _ := db.LastSlot(3); found {
		t.Fatal("records stayed after DeleteSlots")
	}
}

func TestSlotsAreTrimmed(t *testing.T) {
	db := MustOpen(t, "")
	var claims []core.SlotClaim
	total := store.KeepSlots + store.KeepSlots/10 + 1
	for i := range total {
		claims = append(claims, core.SlotClaim{AutomationID: 1, Record: core.SlotRecord{Slot: slotAt(i), Status: core.SlotMissed}})
	}
	if _, err := db.ClaimSlots(claims); err != nil {
		t.Fatal(err)
	}
	// The oldest records are gone: claiming the first slot works again,
	// while the newest KeepSlots are still recorded.
	if ok, _ := db.ClaimSlot(1, slotAt(total-store.KeepSlots-1), core.SlotRecord{}); !ok {
		t.Fatal("the oldest record was not trimmed")
	}
	if ok, _ := db.ClaimSlot(1, slotAt(total-store.KeepSlots), core.SlotRecord{}); ok {
		t.Fatal("a record within the kept ones was trimmed")
	}
}
