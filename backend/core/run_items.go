package core

import "time"

// ItemFilter selects a page of one For Each's items.
type ItemFilter struct {
	RunID  uint64 `json:"runId"`
	Step   string `json:"step"`   // the loop's label: "2"
	Status string `json:"status"` // "" for every item, else StepOK, StepFailed, StepUnknown or StepSkipped
	Offset int    `json:"offset"`
	Limit  int    `json:"limit"` // 0: DefaultItemPage
	// Query, when set, keeps items whose preview or error (or an error of
	// one of their steps) contains it, ignoring case.
	Query string `json:"query"`
}

// DefaultItemPage is how many items a page holds when the filter says
// nothing, and how many items reading a run fills in per loop.
const DefaultItemPage = 50

// ItemPage is one page of items, in index order, and how many items match
// the filter in all.
type ItemPage struct {
	Items []Iteration `json:"items"`
	Total int         `json:"total"`
}

// ItemStore keeps a top-level For Each's items apart from the run, each
// written as it finishes, so a loop of any size is kept whole.
type ItemStore interface {
	// SaveItems stores (or replaces) items of the loop labelled step.
	SaveItems(runID uint64, step string, items []Iteration) error
	// ListItems returns a page of a loop's items.
	ListItems(f ItemFilter) (ItemPage, error)
}

// WriteEntry is one write of a run in its journal: the intent, recorded
// before the write is sent, and then its outcome.
type WriteEntry struct {
	RunID uint64 `json:"runId"`
	Seq   uint64 `json:"seq"`
	Step  string `json:"step"`           // the step's label: "3" or "2.1"
	Item  int    `json:"item,omitempty"` // the For Each item (1-based), 0 outside a loop
	// ItemLabel is the item's preview as the loop's item list shows it
	// (Iteration.Item), so a record rebuilt from the journal names it.
	ItemLabel string            `json:"itemLabel,omitempty"`
	Kind      string            `json:"kind"` // "request", "email" or "webhook"
	Method    string            `json:"method"`
	URL       string            `json:"url"` // the template's path, the webhook's URL, or mailto: recipients
	Values    map[string]string `json:"values,omitempty"`
	Outcome   string            `json:"outcome"` // "" while in flight; then OutcomeSent, OutcomeNotSent or OutcomeUnknown
	Status    int               `json:"status,omitempty"`
	Error     string            `json:"error,omitempty"`
	At        time.Time         `json:"at"`
}

// WriteSummary counts a run's writes by outcome and lists those whose
// outcome is unknown, which the user must check in the tracker.
type WriteSummary struct {
	Sent          int          `json:"sent"`
	NotSent       int          `json:"notSent"`
	Unknown       int          `json:"unknown"`
	UnknownWrites []WriteEntry `json:"unknownWrites,omitempty"`
}

// WriteJournal records every write durably before and after it is sent.
type WriteJournal interface {
	// BeginWrite records w's intent (its Outcome empty) and sets w.Seq; it
	// returns only once the record is on disk.
	BeginWrite(w *WriteEntry) error
	// EndWrite records the outcome of a write begun with BeginWrite.
	EndWrite(w WriteEntry) error
	// Writes returns a run's journal in the order the writes began.
	Writes(runID uint64) ([]WriteEntry, error)
}
