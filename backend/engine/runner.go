package engine

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/affdesk/affdesk/backend/core"
)

// runner executes one run's steps.
type runner struct {
	e    *Engine
	run  *core.Run
	dry  bool
	nums map[string]int
	body *bodyBudget // what is left for kept loop item response bodies
	mu   sync.Mutex  // guards run and its saving while loop items run in parallel
	tpls templateCache
	// format is how the run's emails write numbers.
	format core.NumberFormat
}

// flow says how a step ended for the steps after it.
type flow int

const (
	flowNext    flow = iota // go on
	flowFailed              // the step failed and does not continue on error
	flowStopped             // a condition did not hold
	flowWait                // waiting for approval
)

// top runs top-level steps from start, saving the run after each step,
// and returns the run's status and error.
func (r *runner) top(ctx context.Context, steps []core.Step, v vars, start int) (core.RunStatus, string) {
	for i := start; i < len(steps); i++ {
		s := steps[i]
		label := fmt.Sprint(i + 1)
		r.e.emit(Event{RunID: r.run.ID, Status: core.RunRunning, StepID: s.ID, Step: label, Message: "Running step " + label + ": " + s.Label()})
		res, f, _ := r.step(ctx, s, v, label)
		r.mu.Lock()
		r.run.Steps = append(r.run.Steps, res)
		r.mu.Unlock()
		r.save()
		switch {
		case ctx.Err() != nil:
			return core.RunCancelled, "Cancelled during step " + label + "."
		case f == flowFailed && res.Status == core.StepUnknown:
			return core.RunFailed, fmt.Sprintf("Step %s “%s” stopped the run: %s", label, s.Label(), res.Error)
		case f == flowFailed:
			return core.RunFailed, fmt.Sprintf("Step %s “%s” failed: %s", label, s.Label(), res.Error)
		case f == flowStopped:
			return core.RunStopped, fmt.Sprintf("Stopped by the condition in step %s “%s”.", label, s.Label())
		case f == flowWait:
			r.run.Waiting = &core.Waiting{StepID: s.ID, Message: v.substitute(s.Message), Next: nextLabels(steps, i+1)}
			return core.RunWaiting, ""
		}
	}
	return core.RunCompleted, ""
}

func nextLabels(steps []core.Step, from int) []string {
	out := []string{}
	for i := from; i < len(steps); i++ {
		out = append(out, fmt.Sprintf("%d. %s", i+1, steps[i].Label()))
	}
	return out
}

// save writes the run as it stands.
func (r *runner) save() {
	r.mu.Lock()
	defer r.mu.Unlock()
	_ = r.e.Runs.SaveRun(r.run)
}

// step runs one step and returns its result, how the flow goes on, and
// the error it ended with. A write whose outcome is unknown (EUNKNOWN)
// ends the step as StepUnknown, never retried; like a failure it stops
// the flow unless the step continues on error.
func (r *runner) step(ctx context.Context, s core.Step, v vars, label string) (core.StepResult, flow, error) {
	res := core.StepResult{StepID: s.ID, Label: label, Name: s.Label(), Kind: s.Kind, StartedAt: r.e.now().UTC(), Set: map[string]string{}}
	start := time.Now()
	f, err := r.dispatch(ctx, s, v, label, &res)
	res.DurationMs = time.Since(start).Milliseconds()
	if len(res.Set) == 0 {
		res.Set = nil
	}
	switch {
	case err != nil:
		res.Status, res.Error = core.StepFailed, core.ErrorMessage(err)
		if core.ErrorCode(err) == core.EUNKNOWN {
			res.Status, res.Error = core.StepUnknown, strings.TrimSpace(res.Error+" "+checkTracker)
		} else if isCancel(err) || ctx.Err() != nil {
			res.Error = "Cancelled."
		}
		if !s.ContinueOnError || ctx.Err() != nil {
			return res, flowFailed, err
		}
		res.Warnings = append(res.Warnings, "The step failed and the run went on (continue on error).")
		return res, flowNext, err
	case f == flowStopped:
		res.Status = core.StepHalted
	case f == flowWait:
		res.Status = core.StepWaiting
	default:
		res.Status = core.StepOK
	}
	return res, f, nil
}

func (r *runner) dispatch(ctx context.Context, s core.Step, v vars, label string, res *core.StepResult) (flow, error) {
	if err := ctx.Err(); err != nil {
		return flowNext, err
	}
	switch s.Kind {
	case core.StepActionGet, core.StepActionEdit, core.StepActionAdd:
		return flowNext, r.action(ctx, s, v, res)
	case core.StepCondition:
		return r.condition(s, v, res), nil
	case core.StepFilter:
		return flowNext, r.filter(s, v, res)
	case core.StepForEach:
		return flowNext, r.forEach(ctx, s, v, label, res)
	case core.StepSendEmail:
		return flowNext, r.email(ctx, s, v, res)
	case core.StepSendWebhook:
		return flowNext, r.webhook(ctx, s, v, res)
	case core.StepPullStats:
		return flowNext, r.pullStats(ctx, s, v, res)
	case core.StepApproval:
		if r.dry {
			res.Warnings = append(res.Warnings, "Dry run: the run would wait here for approval; it went on.")
			return flowNext, nil
		}
		return flowWait, nil
	}
	return flowNext, core.Errorf(core.EINVALID, "Unknown step kind %q.", s.Kind)
}

// set records a variable a step sets.
func set(v vars, res *core.StepResult, name string, x any) {
	v[name] = x
	res.Set[name] = preview(text(x))
}
