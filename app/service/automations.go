package service

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/engine"
)

// newEngine wires the run engine to the store and the adapters.
func (s *Services) newEngine() *engine.Engine {
	return &engine.Engine{Runs: s.DB, Items: s.DB, Journal: s.DB, Connections: s.DB, Templates: s.DB, Caller: caller{s}, Selector: selector{}, Stats: puller{s},
		Mailer: mailer{s}, Webhooks: webhooks{client: &http.Client{Timeout: 30 * time.Second}, secrets: s.Secrets}, Now: s.Now, BodyBudget: s.BodyBudget, NumberFormat: s.NumberFormat,
		OnEvent: func(ev engine.Event) {
			if f := s.onEvent.Load(); f != nil {
				(*f)(ev)
			}
		}}
}

// OnEvent sets the function that receives run progress (the window).
func (s *Services) OnEvent(f func(engine.Event)) { s.onEvent.Store(&f) }

// ValidateAutomation checks an automation as saving would, including each
// selection's JSONPath, each JSON webhook body, and that its templates
// and connections exist. Errors name the step and field.
func (s *Services) ValidateAutomation(a *core.Automation) error {
	return checkAutomation(a, s.storedRefs())
}

// SaveAutomation validates and stores an automation.
func (s *Services) SaveAutomation(a core.Automation) (core.Automation, error) {
	if err := s.settleHookToken(&a); err != nil {
		return a, err
	}
	if err := s.ValidateAutomation(&a); err != nil {
		return a, err
	}
	var old *core.Automation
	if a.ID != 0 {
		o, err := s.DB.GetAutomation(a.ID)
		if err != nil {
			return a, err
		}
		a.CreatedAt, old = o.CreatedAt, &o
	}
	written, err := s.moveWebhookSecrets(&a, old)
	if err != nil {
		return a, err
	}
	if err := s.DB.SaveAutomation(&a); err != nil {
		s.dropSecretKeys(written)
		return a, err
	}
	s.reloadSchedules() // first: an edit takes effect at once
	s.dropUnusedWebhookSecrets(&a, old)
	s.refreshHooks()
	return a, nil
}

// DuplicateAutomation stores a copy under a new name. The copy's
// schedule starts disabled, so a copy never runs the same writes on its
// own until the user turns it on.
func (s *Services) DuplicateAutomation(id uint64) (core.Automation, error) {
	a, err := s.DB.GetAutomation(id)
	if err != nil {
		return a, err
	}
	a.ID, a.Name, a.CreatedAt = 0, copyName(a.Name), time.Time{}
	if a.Schedule != nil {
		sc := *a.Schedule
		sc.Enabled, a.Schedule = false, &sc
	}
	s.revealWebhookSecrets(&a)
	return s.SaveAutomation(a)
}

// StartRun records a run of a saved automation and runs it in the
// background, reporting progress (rate-limit waits included) through
// OnEvent, within the wait cap of Settings. It returns the run's ID.
func (s *Services) StartRun(id uint64, dryRun bool, trigger string) (uint64, error) {
	run, err := s.prepareRun(id, dryRun, trigger)
	if err != nil {
		return 0, err
	}
	s.executeInBackground(run)
	return run.ID, nil
}

// executeInBackground runs a prepared run to its end in the background,
// then prunes the history; done (when not nil) closes once both are over.
// Close waits for it, so nothing touches the data file after it closes.
func (s *Services) executeInBackground(run *core.Run, done ...chan struct{}) {
	s.running.Add(1)
	go func() {
		defer s.running.Done()
		for _, d := range done {
			defer close(d)
		}
		s.engine.Execute(s.runContext(context.Background(), run.ID), run)
		s.pruneRuns()
	}()
}

// RunNow runs a saved automation to its end (or an approval) and returns
// the run: the command line's way. Waits for rate limits share the run's
// cap (RateWaitMinutes).
func (s *Services) RunNow(ctx context.Context, id uint64, dryRun bool, trigger string) (core.Run, error) {
	run, err := s.prepareRun(id, dryRun, trigger)
	if err != nil {
		return core.Run{}, err
	}
	out := s.engine.Execute(s.runContext(ctx, run.ID), run)
	s.pruneRuns()
	return out, nil
}

func (s *Services) prepareRun(id uint64, dryRun bool, trigger string) (*core.Run, error) {
	return s.prepareRunWith(id, engine.Options{DryRun: dryRun, Trigger: trigger})
}

// prepareRunWith checks a saved automation as saving would and records a
// run of it with opt; the run's snapshot holds no webhook token.
func (s *Services) prepareRunWith(id uint64, opt engine.Options) (*core.Run, error) {
	a, err := s.DB.GetAutomation(id)
	if err != nil {
		return nil, err
	}
	if err := s.ValidateAutomation(&a); err != nil {
		return nil, err
	}
	if opt.DryRun {
		dryRunCopy(&a)
	}
	hideHookToken(&a)
	return s.engine.Prepare(a, opt)
}

// CancelRun stops a running run.
func (s *Services) CancelRun(id uint64) error {
	if !s.engine.Cancel(id) {
		return core.Errorf(core.ECONFLICT, "Run %d is not running.", id)
	}
	return nil
}

// DecideApproval approves (resuming) or rejects (ending) a waiting run.
// Only the first of several decisions on one run is taken (the engine
// claims the run atomically); the others are ECONFLICT errors.
func (s *Services) DecideApproval(id uint64, approved bool, reason string) (core.Run, error) {
	return s.DecideApprovalContext(context.Background(), id, approved, reason)
}

// DecideApprovalContext is DecideApproval whose resumed run ends when ctx
// is cancelled (the command line's SIGINT), recorded as Cancelled.
func (s *Services) DecideApprovalContext(ctx context.Context, id uint64, approved bool, reason string) (core.Run, error) {
	if !approved && strings.TrimSpace(reason) == "" {
		return core.Run{}, core.FieldError("reason", "Say why the run is rejected.")
	}
	return s.engine.Approve(s.runContext(ctx, id), id, approved, strings.TrimSpace(reason))
}

// FindAutomation returns the automation with the ID, else the one with
// the name (any case). Returns ENOTFOUND if none matches, and ECONFLICT
// listing their IDs if several automations have the name.
func (s *Services) FindAutomation(ref string) (core.Automation, error) {
	all, err := s.DB.ListAutomations()
	if err != nil {
		return core.Automation{}, err
	}
	var named []core.Automation
	for _, a := range all {
		if fmt.Sprint(a.ID) == ref {
			return a, nil
		}
		if strings.EqualFold(a.Name, strings.TrimSpace(ref)) {
			named = append(named, a)
		}
	}
	switch len(named) {
	case 0:
		return core.Automation{}, core.Errorf(core.ENOTFOUND, "No automation is named %q or has that ID.", ref)
	case 1:
		return named[0], nil
	}
	ids := make([]uint64, len(named))
	for i, a := range named {
		ids[i] = a.ID
	}
	return core.Automation{}, core.Errorf(core.ECONFLICT, "%d automations are named %q (IDs %s): run one by its ID.", len(named), ref, joinIDs(ids))
}
