package engine

import (
	"context"
	"errors"
	"fmt"

	"github.com/affdesk/affdesk/backend/core"
)

// action calls a step's template with its values (variables filled in)
// and sets the variables its selections pick from the response.
func (r *runner) action(ctx context.Context, s core.Step, v vars, res *core.StepResult) error {
	tpl, err := r.template(s.TemplateID)
	if err != nil {
		return err
	}
	values := map[string]string{}
	for k, t := range s.Values {
		values[k] = v.substitute(t)
	}
	res.Values = values
	out, err := r.call(ctx, tpl, values, paths(s), res)
	res.Requests = out.Records
	res.Warnings = append(res.Warnings, out.Warnings...)
	if core.ErrorCode(err) == core.EUNAUTHORIZED {
		return r.refused(tpl.ConnectionID, err)
	}
	var se *SelectError
	if errors.As(err, &se) {
		return fmt.Errorf("field {%s}: %w", s.Selections[max(se.Index, 0)].Variable, se.Err)
	}
	if err != nil {
		return err
	}
	if out.NotSent {
		for _, sel := range s.Selections {
			set(v, res, sel.Variable, "")
		}
		if len(s.Selections) > 0 {
			res.Warnings = append(res.Warnings, "Dry run: the request was not sent, so its fields are empty.")
		}
		return nil
	}
	return r.selectInto(ctx, s, out, v, res)
}

// paths lists a step's selection paths.
func paths(s core.Step) []string {
	out := make([]string, len(s.Selections))
	for i, sel := range s.Selections {
		out[i] = sel.Path
	}
	return out
}

// call sends the template, journaling it first when it writes. The
// engine never resends: a write with an unknown outcome stays unknown,
// and its error says so (EUNKNOWN) whatever error the caller gave.
func (r *runner) call(ctx context.Context, tpl core.ActionTemplate, values map[string]string, paths []string, res *core.StepResult) (Outcome, error) {
	if !tpl.IsWrite() {
		if sc, ok := r.e.Caller.(SelectingCaller); ok && len(paths) > 0 {
			return sc.CallSelect(ctx, tpl, values, paths)
		}
		return r.e.Caller.Call(ctx, tpl, values, r.dry)
	}
	w, err := r.begin(ctx, core.WriteEntry{Step: res.Label, Kind: "request", Method: tpl.Method, URL: tpl.Path, Values: values})
	if err != nil {
		return Outcome{}, err
	}
	out, err := r.e.Caller.Call(ctx, tpl, values, r.dry)
	outcome, status := callOutcome(out, err, r.dry)
	markOutcome(out.Records, outcome)
	r.end(w, outcome, status, err, res)
	return out, unknownErr(outcome, err, r.dry, "The write may or may not have been applied")
}

// selectInto sets each selection's variable: one value as itself, many as
// a list, none as empty text with a warning. The values are those the
// caller selected, or else the body is parsed once for all of them.
func (r *runner) selectInto(ctx context.Context, s core.Step, out Outcome, v vars, res *core.StepResult) error {
	if len(s.Selections) == 0 {
		return nil
	}
	all := out.Selected
	if all == nil {
		var failed int
		var err error
		if all, failed, err = r.e.Selector.SelectAll(ctx, out.Body, paths(s)); err != nil {
			return fmt.Errorf("field {%s}: %w", s.Selections[max(failed, 0)].Variable, err)
		}
	}
	for i, sel := range s.Selections {
		vals := all[i]
		switch len(vals) {
		case 0:
			set(v, res, sel.Variable, "")
			res.Warnings = append(res.Warnings, fmt.Sprintf("%s matched nothing in the response: {%s} is empty.", sel.Path, sel.Variable))
		case 1:
			set(v, res, sel.Variable, exact(vals[0]))
		default:
			set(v, res, sel.Variable, exact(vals))
		}
	}
	return nil
}
