package engine

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/affdesk/affdesk/backend/core"
)

// Engine runs automations and records their runs. Every write is
// journaled (Journal) before it is sent and after; a top-level loop's
// items are stored (Items) as they finish.
type Engine struct {
	Runs        core.RunStore
	Items       core.ItemStore
	Journal     core.WriteJournal
	Connections Connections // optional: names connections in messages
	Templates   Templates
	Caller      Caller
	Selector    Selector
	Stats       StatsPuller
	Mailer      Mailer
	Webhooks    Webhooks
	Now         func() time.Time
	OnEvent     func(Event)
	// BodyBudget returns, as each run starts, how many bytes of loop item
	// response bodies it keeps in all (nil or 0: DefaultBodyBudget).
	BodyBudget func() int
	// NumberFormat returns, as each run starts, how its emails write
	// numbers (nil: core.DefaultNumberFormat).
	NumberFormat func() core.NumberFormat

	mu      sync.Mutex
	active  map[uint64]context.CancelFunc
	initial map[uint64]vars // Options.Vars of prepared runs, until Execute takes them
	running sync.WaitGroup  // runs between track and untrack
}

// Options say how a run starts.
type Options struct {
	DryRun  bool
	Trigger string // "manual", "cli", "schedule" or "webhook"
	// Vars are variables every step may use, set before the first one
	// (a webhook's {webhook_<field>}, say). Built-in variables win over
	// them. The run's record shows them from the start.
	Vars map[string]any
}

func (e *Engine) now() time.Time {
	if e.Now == nil {
		return time.Now()
	}
	return e.Now()
}

func (e *Engine) bodyBudget() int {
	if e.BodyBudget == nil {
		return DefaultBodyBudget
	}
	return e.BodyBudget()
}

func (e *Engine) numberFormat() core.NumberFormat {
	if e.NumberFormat == nil {
		return core.DefaultNumberFormat
	}
	return e.NumberFormat()
}

func (e *Engine) emit(ev Event) {
	if e.OnEvent != nil {
		e.OnEvent(ev)
	}
}

// Prepare checks that every step is set up and records a new run, which
// Execute then runs. An incomplete step is an EINVALID error naming it.
func (e *Engine) Prepare(a core.Automation, opt Options) (*core.Run, error) {
	if problems := a.SetupProblems(); len(problems) > 0 {
		ids := make([]string, 0, len(problems))
		for id := range problems {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		return nil, core.Errorf(core.EINVALID, "Step %s needs setup before a run: %s", labelOf(a.Steps, ids[0]), problems[ids[0]])
	}
	if missing := a.MissingHookVars(opt.Vars); len(missing) > 0 {
		return nil, core.Errorf(core.EINVALID, "%q reads %s, which only a webhook request with those fields sets: nothing ran.", a.Name, braced(missing))
	}
	if opt.Trigger == "" {
		opt.Trigger = "manual"
	}
	run := &core.Run{AutomationID: a.ID, AutomationName: a.Name, Trigger: opt.Trigger, DryRun: opt.DryRun,
		Status: core.RunRunning, StartedAt: e.now().UTC(), Snapshot: a, Steps: []core.StepResult{}}
	if len(opt.Vars) > 0 {
		run.Variables = textVars(opt.Vars)
	}
	if err := e.Runs.SaveRun(run); err != nil {
		return nil, fmt.Errorf("record run of %q: %w", a.Name, err)
	}
	if len(opt.Vars) > 0 {
		e.keepInitial(run.ID, opt.Vars)
	}
	return run, nil
}

// braced writes variable names as people type them: {a}, {b}.
func braced(names []string) string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = "{" + n + "}"
	}
	return strings.Join(out, ", ")
}

// Execute runs a prepared run to its end (or to an approval) and returns
// it as recorded, starting from the Options.Vars it was prepared with and
// the built-in variables. Cancel stops it.
func (e *Engine) Execute(ctx context.Context, run *core.Run) core.Run {
	v := e.takeInitial(run.ID)
	v["run_date"], v["run_time"] = run.StartedAt.Format("2006-01-02"), run.StartedAt.Format("15:04")
	v["run_id"], v["automation_name"] = fmt.Sprint(run.ID), run.AutomationName
	return e.continueFrom(ctx, run, v, 0)
}

// keepInitial holds a prepared run's initial variables for Execute.
func (e *Engine) keepInitial(runID uint64, initial map[string]any) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.initial == nil {
		e.initial = map[uint64]vars{}
	}
	e.initial[runID] = vars(initial).clone()
}

// takeInitial returns (and forgets) a run's initial variables: a new
// set, empty when the run was prepared without any.
func (e *Engine) takeInitial(runID uint64) vars {
	e.mu.Lock()
	defer e.mu.Unlock()
	v, ok := e.initial[runID]
	delete(e.initial, runID)
	if !ok {
		return vars{}
	}
	return v
}

// Cancel stops a running run; it ends as Cancelled.
func (e *Engine) Cancel(runID uint64) bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	if cancel, ok := e.active[runID]; ok {
		cancel()
		return true
	}
	return false
}

// Approve resumes a run waiting for approval (approved) or ends it
// (rejected, with the reason in the log). The run is claimed atomically
// (RunStore.ClaimApproval), so of two concurrent decisions on one run
// only the first goes on; the other gets ECONFLICT and sends nothing.
func (e *Engine) Approve(ctx context.Context, runID uint64, approved bool, reason string) (core.Run, error) {
	run, err := e.Runs.ClaimApproval(runID)
	if err != nil {
		return run, err
	}
	v, err := restore(run)
	if err != nil {
		run.Waiting, run.State = nil, nil
		run.Status, run.Error = core.RunFailed, fmt.Sprintf("The run could not go on after the approval: %v.", err)
		return e.finish(&run, vars{}), fmt.Errorf("restore run %d: %w", runID, err)
	}
	v["approval_reason"] = reason
	idx := indexOf(run.Snapshot.Steps, run.Waiting.StepID)
	res := &run.Steps[len(run.Steps)-1]
	run.Waiting, run.State = nil, nil
	if !approved {
		res.Status, res.Error = core.StepHalted, "Rejected: "+reason
		run.Status, run.Error = core.RunCancelled, "Rejected by the approver: "+reason
		return e.finish(&run, v), nil
	}
	res.Status = core.StepOK
	res.Set = map[string]string{"approval_reason": reason}
	if err := e.Runs.SaveRun(&run); err != nil {
		return run, err
	}
	return e.continueFrom(ctx, &run, v, idx+1), nil
}

// restore returns the variables of a claimed run waiting for approval,
// or why it cannot go on.
func restore(run core.Run) (vars, error) {
	if run.Waiting == nil || len(run.Steps) == 0 {
		return nil, errors.New("no waiting step is recorded")
	}
	return decodeState(run.State)
}

// continueFrom runs the top-level steps from index start.
func (e *Engine) continueFrom(ctx context.Context, run *core.Run, v vars, start int) core.Run {
	ctx, cancel := context.WithCancel(ctx)
	e.track(run.ID, cancel)
	defer e.untrack(run.ID)
	defer cancel()
	r := &runner{e: e, run: run, dry: run.DryRun, nums: core.Numbering(run.Snapshot.Steps), body: newBodyBudget(e.bodyBudget()), format: e.numberFormat()}
	status, msg := r.top(ctx, run.Snapshot.Steps, v, start)
	status, msg = settle(status, msg, run.Steps)
	run.Status, run.Error = status, msg
	if status == core.RunWaiting {
		run.State = encodeState(v)
		run.Variables = textVars(v)
		r.save()
		e.emit(Event{RunID: run.ID, Status: status, Message: run.Waiting.Message, Finished: true})
		return *run
	}
	return e.finish(run, v)
}

func (e *Engine) finish(run *core.Run, v vars) core.Run {
	run.FinishedAt = e.now().UTC()
	run.DurationMs = run.FinishedAt.Sub(run.StartedAt).Milliseconds()
	run.Variables = textVars(v)
	if err := e.Runs.SaveRun(run); err != nil {
		run.Error = strings.TrimSpace(run.Error + " (the run could not be saved: " + err.Error() + ")")
	}
	e.emit(Event{RunID: run.ID, Status: run.Status, Message: run.Error, Finished: true})
	return *run
}

func (e *Engine) track(id uint64, cancel context.CancelFunc) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.active == nil {
		e.active = map[uint64]context.CancelFunc{}
	}
	e.active[id] = cancel
	e.running.Add(1)
}

func (e *Engine) untrack(id uint64) {
	e.mu.Lock()
	defer e.mu.Unlock()
	delete(e.active, id)
	e.running.Done()
}

func textVars(v vars) map[string]string {
	out := make(map[string]string, len(v))
	for k, x := range v {
		out[k] = preview(text(x))
	}
	return out
}

func indexOf(steps []core.Step, id string) int {
	for i, s := range steps {
		if s.ID == id {
			return i
		}
	}
	return len(steps)
}

// labelOf returns a step's position as people count it: "3" or "2.1".
func labelOf(steps []core.Step, id string) string {
	for i, s := range steps {
		if s.ID == id {
			return fmt.Sprint(i + 1)
		}
		if inner := labelOf(s.Steps, id); inner != "" {
			return fmt.Sprintf("%d.%s", i+1, inner)
		}
	}
	return ""
}

// isCancel reports whether err comes from a cancelled context.
func isCancel(err error) bool { return errors.Is(err, context.Canceled) }
