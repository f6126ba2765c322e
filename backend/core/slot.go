package core

import "time"

// Slot statuses: what became of one schedule slot. Persisted.
const (
	SlotFired    = "fired"     // its run started (RunID; a catch-up run says so in Reason)
	SlotSkipped  = "skipped"   // it did not run; Reason says why
	SlotMissed   = "missed"    // it passed while AffDesk was closed or asleep
	SlotCaughtUp = "caught_up" // it passed while AffDesk was closed or asleep; catch-up run RunID covered it
)

// SlotRecord records what became of one slot of an automation's
// schedule. A slot is identified by its instant, to the second.
type SlotRecord struct {
	Slot   time.Time `json:"slot"`
	Status string    `json:"status"`
	RunID  uint64    `json:"runId,omitempty"`
	Reason string    `json:"reason,omitempty"`
	At     time.Time `json:"at"` // when the record was written
}

// SlotClaim is a record for one automation's slot, for the batch calls
// of SlotStore.
type SlotClaim struct {
	AutomationID uint64
	Record       SlotRecord
}

// SlotSummary sums up an automation's slot records for the window.
type SlotSummary struct {
	Last      *SlotRecord `json:"last,omitempty"`      // the newest record, any status
	LastFired *SlotRecord `json:"lastFired,omitempty"` // the newest fired record
	Missed    int         `json:"missed"`              // missed records newer than LastFired
	Skipped   int         `json:"skipped"`             // skipped records newer than LastFired
}

// SlotStore keeps one record per schedule slot, so a slot runs at most
// once whatever happens to the process: the scheduler claims a slot
// before it starts the slot's run, and a slot already recorded is never
// claimed again.
type SlotStore interface {
	// ClaimSlot writes rec for the automation's slot only if the slot has
	// no record yet, in one transaction, and reports whether it wrote.
	ClaimSlot(automationID uint64, slot time.Time, rec SlotRecord) (bool, error)
	// ClaimSlots claims several slots (Record.Slot) in one transaction,
	// each only if it has no record yet, and reports for each whether it
	// was written. A failure writes none of them.
	ClaimSlots(claims []SlotClaim) ([]bool, error)
	// UpdateSlots replaces records already claimed (to add the run's ID,
	// or say why the run could not start), in one transaction. A slot with
	// no record is ENOTFOUND and nothing is written.
	UpdateSlots(claims []SlotClaim) error
	// LastSlot returns the automation's newest slot record, and false when
	// it has none.
	LastSlot(automationID uint64) (SlotRecord, bool, error)
	// Slots returns the automation's records newest first, at most limit
	// of them (all when limit is 0).
	Slots(automationID uint64, limit int) ([]SlotRecord, error)
	// SlotSummary sums up the automation's records; an automation without
	// records has the zero summary.
	SlotSummary(automationID uint64) (SlotSummary, error)
	// DeleteSlots removes every record of the automation; deleting none is
	// not an error.
	DeleteSlots(automationID uint64) error
}
