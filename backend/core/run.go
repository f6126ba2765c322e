package core

import "time"

// RunStatus is where a run stands. Persisted.
type RunStatus string

// Run statuses.
const (
	RunRunning   RunStatus = "running"
	RunCompleted RunStatus = "completed"
	// RunCompletedErrors ran to its end, but an item or step failed or a
	// write's outcome is unknown: never shown as a plain success.
	RunCompletedErrors RunStatus = "completed_with_errors"
	RunFailed          RunStatus = "failed"
	RunStopped         RunStatus = "stopped" // by a condition: not an error
	RunWaiting         RunStatus = "waiting_approval"
	RunCancelled       RunStatus = "cancelled"
	RunInterrupted     RunStatus = "interrupted" // the app stopped mid-run; never replayed
)

// Finished reports whether the run has ended.
func (s RunStatus) Finished() bool { return s != RunRunning && s != RunWaiting }

// Step result statuses.
const (
	StepOK      = "ok"
	StepFailed  = "failed"
	StepSkipped = "skipped"
	StepHalted  = "stopped" // a condition that did not hold
	StepWaiting = "waiting"
	// StepUnknown is a write whose answer never came (a timeout, a reset
	// after the request was written, a 502 or 504): it may or may not have
	// been applied, and it was not resent.
	StepUnknown = "unknown"
)

// Write outcomes, recorded on every write request. Persisted.
const (
	OutcomeSent    = "sent"     // an answer came back
	OutcomeNotSent = "not_sent" // provably never applied: refused before it was written, 429 or 503, or a dry run
	OutcomeUnknown = "unknown"  // written, but no answer proves whether it was applied
)

// Run is one execution of an automation, recorded as it progresses.
type Run struct {
	ID             uint64            `json:"id"`
	AutomationID   uint64            `json:"automationId"`
	AutomationName string            `json:"automationName"`
	Trigger        string            `json:"trigger"` // "manual", "cli", "schedule" or "webhook"
	DryRun         bool              `json:"dryRun"`
	Status         RunStatus         `json:"status"`
	StartedAt      time.Time         `json:"startedAt"`
	FinishedAt     time.Time         `json:"finishedAt"`
	DurationMs     int64             `json:"durationMs"`
	Steps          []StepResult      `json:"steps"`
	Variables      map[string]string `json:"variables"` // every variable's final value, as text
	Error          string            `json:"error"`
	Waiting        *Waiting          `json:"waiting,omitempty"`
	Snapshot       Automation        `json:"snapshot"`         // the automation as it ran
	State          map[string]any    `json:"state,omitempty"`  // typed variables kept while waiting for approval
	Writes         *WriteSummary     `json:"writes,omitempty"` // filled from the write journal when a run is read
}

// Waiting says what an approver is asked.
type Waiting struct {
	StepID  string   `json:"stepId"`
	Message string   `json:"message"`
	Next    []string `json:"next"` // labels of the steps that follow
}

// StepResult is what one step did.
type StepResult struct {
	StepID     string            `json:"stepId"`
	Label      string            `json:"label"` // "3" or "2.1"
	Name       string            `json:"name"`
	Kind       StepKind          `json:"kind"`
	Status     string            `json:"status"`
	StartedAt  time.Time         `json:"startedAt"`
	DurationMs int64             `json:"durationMs"`
	Values     map[string]string `json:"values,omitempty"` // parameters after substitution
	Requests   []HTTPRecord      `json:"requests,omitempty"`
	Set        map[string]string `json:"set,omitempty"` // variables it set, as text
	Rows       int               `json:"rows,omitempty"`
	Items      *ItemCounts       `json:"items,omitempty"`
	// Iterations holds a nested loop's items. A top-level loop's items are
	// kept apart (ItemStore); reading a run fills in their first page.
	Iterations []Iteration `json:"iterations,omitempty"`
	Warnings   []string    `json:"warnings,omitempty"`
	Error      string      `json:"error,omitempty"`
	// Detail says in words why the step went the way it did, e.g. for a
	// Check Condition that held: "2664.27" is greater than "100".
	Detail string `json:"detail,omitempty"`
}

// ItemCounts are a For Each's exact outcome.
type ItemCounts struct {
	Total     int `json:"total"`
	Succeeded int `json:"succeeded"`
	Failed    int `json:"failed"`
	Skipped   int `json:"skipped"`
	Unknown   int `json:"unknown"` // items whose write may or may not have been applied
}

// Add counts one more item that ended with the step status: ok is
// Succeeded, failed Failed, unknown Unknown, anything else Skipped.
func (c *ItemCounts) Add(status string) {
	c.Total++
	switch status {
	case StepOK:
		c.Succeeded++
	case StepFailed:
		c.Failed++
	case StepUnknown:
		c.Unknown++
	default:
		c.Skipped++
	}
}

// Iteration is one item of a For Each.
type Iteration struct {
	Index  int          `json:"index"`
	Item   string       `json:"item"`            // a short preview
	Status string       `json:"status"`          // StepOK, StepFailed, StepUnknown or StepSkipped
	Error  string       `json:"error,omitempty"` // for a skipped item, why it was not tried
	Steps  []StepResult `json:"steps"`
}

// HTTPRecord is one request a step sent, or would have sent in a dry run,
// with every secret masked.
type HTTPRecord struct {
	Method     string   `json:"method"`
	URL        string   `json:"url"`
	Headers    []Header `json:"headers,omitempty"`
	Body       string   `json:"body,omitempty"`
	NotSent    bool     `json:"notSent,omitempty"` // a dry run held it back
	Status     int      `json:"status,omitempty"`
	DurationMs int64    `json:"durationMs,omitempty"`
	Size       int64    `json:"size,omitempty"`
	Attempts   int      `json:"attempts,omitempty"`
	Page       int      `json:"page,omitempty"`
	Window     int      `json:"window,omitempty"`
	Response   string   `json:"response,omitempty"` // truncated for storage
	Truncated  bool     `json:"truncated,omitempty"`
	Error      string   `json:"error,omitempty"`
	Kind       string   `json:"kind,omitempty"`    // "request", "email" or "webhook"
	Outcome    string   `json:"outcome,omitempty"` // writes only: OutcomeSent, OutcomeNotSent or OutcomeUnknown
}

// RecordID returns the run's ID.
func (r *Run) RecordID() uint64 { return r.ID }

// Stamp sets the ID (runs keep their own times).
func (r *Run) Stamp(id uint64, _ time.Time) { r.ID = id }

// RunFilter narrows a run listing.
type RunFilter struct {
	AutomationID uint64    `json:"automationId"`
	Status       RunStatus `json:"status"`
	Limit        int       `json:"limit"`
	// Before, when set, lists only runs with a smaller ID: the next page
	// after a listing whose last run had that ID.
	Before uint64 `json:"before"`
	// Query, when set, keeps runs whose automation name, status, trigger
	// or error contains it, ignoring case.
	Query string `json:"query"`
	// QueryAutomations are automations whose runs match Query whatever
	// their summary says (their step or template names matched it).
	QueryAutomations []uint64 `json:"-"`
}

// RunStore persists runs as they progress.
type RunStore interface {
	// SaveRun inserts (ID 0) or replaces a run.
	SaveRun(r *Run) error
	// GetRun returns ENOTFOUND if no run has the ID.
	GetRun(id uint64) (Run, error)
	// ListRuns returns runs newest first, without step details.
	ListRuns(f RunFilter) ([]Run, error)
	// ClaimApproval atomically moves a run waiting for approval to
	// running and returns it as stored (loop items not filled in, no
	// write summary), so only one of several concurrent approvals goes
	// on. Returns ENOTFOUND if no run has the ID, ECONFLICT if the run
	// is not waiting for approval.
	ClaimApproval(id uint64) (Run, error)
}

// AnswerOutcome says what an HTTP answer's status proves about a write:
// OutcomeNotSent for 429 and 503 (refused unprocessed), OutcomeUnknown
// for 502 and 504 (a gateway lost the receiver's answer, which may or
// may not have applied it), "" for no answer (status 0), else
// OutcomeSent.
func AnswerOutcome(status int) string {
	switch status {
	case 0:
		return ""
	case 429, 503:
		return OutcomeNotSent
	case 502, 504:
		return OutcomeUnknown
	}
	return OutcomeSent
}
