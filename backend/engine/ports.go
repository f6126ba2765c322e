// Package engine runs automations: it walks their steps in order, keeps
// the variables each step sets, loops, pauses for approval, and records
// every step of a run as it goes. It reaches trackers, JSON selection,
// mail and webhooks only through the interfaces below, which the app
// implements with the adapters.
package engine

import (
	"context"
	"time"

	"github.com/affdesk/affdesk/backend/core"
)

// Caller runs action templates.
type Caller interface {
	// Call runs tpl with values. In a dry run a write is not sent: the
	// outcome's records hold what would have gone. A broken tracker rule
	// or a bad value is an error; so is a tracker's refusal (Failure).
	Call(ctx context.Context, tpl core.ActionTemplate, values map[string]string, dryRun bool) (Outcome, error)
}

// Outcome is what a call returned.
type Outcome struct {
	Records  []core.HTTPRecord
	Body     []byte
	NotSent  bool
	Warnings []string // what the step's log should say, e.g. a key sent over plain http://
	// Selected holds, for each path given to CallSelect, the values it
	// selects in the whole response; nil when the caller left selecting
	// to the engine.
	Selected [][]any
}

// SelectingCaller is a Caller that can also make a read's selections
// itself, page by page as a paged list arrives, so that a long list is
// never held whole.
type SelectingCaller interface {
	// CallSelect runs a read as Call does and, when it can, selects
	// paths in the whole (every page's) response, setting
	// Outcome.Selected. A selection that fails is a *SelectError.
	CallSelect(ctx context.Context, tpl core.ActionTemplate, values map[string]string, paths []string) (Outcome, error)
}

// SelectError is a selection that failed, with the index of its path.
type SelectError struct {
	Index int
	Err   error
}

func (e *SelectError) Error() string { return e.Err.Error() }

// Unwrap returns the selection's own error.
func (e *SelectError) Unwrap() error { return e.Err }

// Selector evaluates JSONPaths.
type Selector interface {
	// Select returns the values path selects in a JSON body, within the
	// adapter's node and time limits and until ctx ends; EINVALID for
	// a bad path or a body that is not JSON.
	Select(ctx context.Context, body []byte, path string) ([]any, error)
	// SelectAll returns, for each path in order, the values it selects
	// in one JSON body, parsing the body once, with Select's limits and
	// errors per path. On failure it also returns the index of the path
	// being evaluated (the body's own error is reported at the first
	// path); the values are then nil.
	SelectAll(ctx context.Context, body []byte, paths []string) ([][]any, int, error)
}

// StatsPuller runs Pull Stats steps.
type StatsPuller interface {
	// Pull fetches the stat type's rows for the resolved date range.
	// The outcome holds its records and warnings (its Body is unused).
	Pull(ctx context.Context, cfg core.StatsConfig, from, to time.Time) (*core.Dataset, Outcome, error)
	// Location returns the timezone a step's dates resolve in.
	Location(cfg core.StatsConfig) (*time.Location, error)
}

// Email is a message ready to send.
type Email struct {
	To, Cc  []string
	Subject string
	HTML    string
}

// Mailer sends email.
type Mailer interface {
	Send(ctx context.Context, m Email) error
}

// Webhook is a request ready to send.
type Webhook struct {
	Method, URL string
	Headers     []core.Header
	Body        []byte
	ContentType string
}

// Webhooks sends webhooks.
type Webhooks interface {
	// Send delivers w and returns its record; a non-2xx answer is an error.
	Send(ctx context.Context, w Webhook) (core.HTTPRecord, error)
}

// Connections names the connection a template uses, for messages.
type Connections interface {
	GetConnection(id uint64) (core.Connection, error)
}

// Templates reads action templates.
type Templates interface {
	GetTemplate(id uint64) (core.ActionTemplate, error)
}

// Event reports a run's progress to the window.
type Event struct {
	RunID    uint64           `json:"runId"`
	Status   core.RunStatus   `json:"status"`
	StepID   string           `json:"stepId"`
	Step     string           `json:"step"` // label: "3" or "2.1"
	Message  string           `json:"message"`
	Done     int              `json:"done"`            // For Each items finished
	Total    int              `json:"total"`           // For Each items in all
	Items    *core.ItemCounts `json:"items,omitempty"` // For Each items finished so far, by status
	Finished bool             `json:"finished"`
	Wait     bool             `json:"wait,omitempty"` // a wait for a tracker's rate limit or a retry
}
