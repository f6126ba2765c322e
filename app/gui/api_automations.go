package gui

import (
	"context"
	"strings"

	"github.com/affdesk/affdesk/app/service"
	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/tracker"
)

// AutomationsAPI is the Automations page's binding.
type AutomationsAPI struct {
	s *service.Services
	// ctx returns the window's runtime context, for the save dialog; nil
	// where no window is open.
	ctx func() context.Context
}

// NewAutomationsAPI returns the Automations page's binding for s.
func NewAutomationsAPI(s *service.Services) *AutomationsAPI { return &AutomationsAPI{s: s} }

// List returns every automation, any literal webhook credential masked.
func (a *AutomationsAPI) List() ([]core.Automation, error) {
	return guard(func() ([]core.Automation, error) { return a.s.ShownAutomations() })
}

// Get returns one automation, any literal webhook credential masked.
func (a *AutomationsAPI) Get(id uint64) (core.Automation, error) {
	return guard(func() (core.Automation, error) { return a.s.ShownAutomation(id) })
}

// Save validates and stores an automation.
func (a *AutomationsAPI) Save(au core.Automation) (core.Automation, error) {
	return guard(func() (core.Automation, error) { return a.s.SaveAutomation(au) })
}

// AutomationCheck is the builder's live check: the steps that still need
// setup, and the first validation error (empty when there is none).
type AutomationCheck struct {
	Problems map[string]string `json:"problems"`
	Field    string            `json:"field"`
	Message  string            `json:"message"`
}

// Check validates an automation as edited, without saving.
func (a *AutomationsAPI) Check(au core.Automation) (AutomationCheck, error) {
	return guard(func() (AutomationCheck, error) {
		out := AutomationCheck{Problems: au.SetupProblems()}
		if err := a.s.ValidateAutomation(&au); err != nil {
			out.Field, out.Message = core.ErrorField(err), core.ErrorMessage(err)
		}
		return out, nil
	})
}

// Duplicate copies an automation.
func (a *AutomationsAPI) Duplicate(id uint64) (core.Automation, error) {
	return guard(func() (core.Automation, error) { return a.s.DuplicateAutomation(id) })
}

// Delete removes an automation (its runs stay in the history).
func (a *AutomationsAPI) Delete(id uint64) error {
	return guardErr(func() error { return a.s.DeleteAutomation(id) })
}

// Presets lists the automation presets a connection can use.
func (a *AutomationsAPI) Presets(connectionID uint64) ([]tracker.AutomationPreset, error) {
	return guard(func() ([]tracker.AutomationPreset, error) {
		c, err := a.s.DB.GetConnection(connectionID)
		if err != nil {
			return nil, err
		}
		return tracker.AutomationPresets(c.Platform), nil
	})
}

// FromPreset creates and saves an automation from a preset.
func (a *AutomationsAPI) FromPreset(presetID string, connectionID uint64) (core.Automation, error) {
	return guard(func() (core.Automation, error) { return a.s.AutomationFromPreset(presetID, connectionID) })
}

// StatTypes lists the stat types a connection can pull.
func (a *AutomationsAPI) StatTypes(connectionID uint64) ([]tracker.StatType, error) {
	return guard(func() ([]tracker.StatType, error) {
		c, err := a.s.DB.GetConnection(connectionID)
		if err != nil {
			return nil, err
		}
		return tracker.StatTypes(c.Platform), nil
	})
}

// TestPull runs a Pull Stats step's request for real and returns its rows.
func (a *AutomationsAPI) TestPull(cfg core.StatsConfig) (service.PullPreview, error) {
	return guard(func() (service.PullPreview, error) { return a.s.TestPull(cfg) })
}

// Run starts a run of a saved automation and returns its ID; progress
// arrives as "run:progress" events.
func (a *AutomationsAPI) Run(id uint64, dryRun bool) (uint64, error) {
	return guard(func() (uint64, error) { return a.s.StartRun(id, dryRun, "manual") })
}

// Cancel stops a running run.
func (a *AutomationsAPI) Cancel(runID uint64) error {
	return guardErr(func() error { return a.s.CancelRun(runID) })
}

// RunsAPI is the Runs & Logs page's binding.
type RunsAPI struct{ s *service.Services }

// NewRunsAPI returns the Runs & Logs page's binding for s.
func NewRunsAPI(s *service.Services) *RunsAPI { return &RunsAPI{s: s} }

// List returns runs newest first, filtered by automation, status and a
// search (automation name, status, trigger, error, step and template
// names); f.Before pages on past the last run listed.
func (a *RunsAPI) List(f core.RunFilter) ([]core.Run, error) {
	return guard(func() ([]core.Run, error) { return a.s.ListRuns("", f) })
}

// Page returns a page of runs as List does, and where it stopped: Next
// goes in f.Before to list older runs, and Partial says a search stopped
// at its budget with older runs not searched yet ("Search older runs").
func (a *RunsAPI) Page(f core.RunFilter) (core.RunPage, error) {
	return guard(func() (core.RunPage, error) { return a.s.ListRunsPage("", f) })
}

// Get returns one run with every step, each loop's first page of items,
// and the sum of its writes by outcome.
func (a *RunsAPI) Get(id uint64) (core.Run, error) {
	return guard(func() (core.Run, error) { return a.s.DB.GetRun(id) })
}

// Items returns a page of a loop's items (offset, limit, and a status
// filter), for loops too long to open at once.
func (a *RunsAPI) Items(f core.ItemFilter) (core.ItemPage, error) {
	return guard(func() (core.ItemPage, error) {
		if f.Limit > 500 {
			f.Limit = 500
		}
		return a.s.DB.ListItems(f)
	})
}

// Approve resumes a run waiting for approval. A run already decided (a
// second click) is an ECONFLICT error, and nothing is sent again.
func (a *RunsAPI) Approve(id uint64, reason string) (core.Run, error) {
	return guard(func() (core.Run, error) { return a.s.DecideApproval(id, true, reason) })
}

// Reject ends a run waiting for approval; a reason is required. A run
// already decided is an ECONFLICT error.
func (a *RunsAPI) Reject(id uint64, reason string) (core.Run, error) {
	return guard(func() (core.Run, error) { return a.s.DecideApproval(id, false, reason) })
}

// PlanImport reads an export file's text and returns what importing it
// would do: its records, the names that clash with stored ones, and
// warnings. It writes nothing.
func (a *AutomationsAPI) PlanImport(text string) (service.ImportPlan, error) {
	return guard(func() (service.ImportPlan, error) { return a.s.PlanImport(strings.NewReader(text)) })
}

// Import imports an export file's text, all or nothing; onClash is
// rename, replace or skip.
func (a *AutomationsAPI) Import(text string, onClash string) (service.ImportResult, error) {
	return guard(func() (service.ImportResult, error) {
		policy, err := service.ParseClashPolicy(onClash)
		if err != nil {
			return service.ImportResult{}, err
		}
		return a.s.ImportBundle(strings.NewReader(text), policy)
	})
}
