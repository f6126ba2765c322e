package engine

import (
	"fmt"
	"strings"

	"github.com/affdesk/affdesk/backend/core"
)

// ruleValue reads one side of a rule: a lone {variable} keeps its type
// (a list stays a list); anything else is text with variables filled in.
func ruleValue(v vars, side string) any {
	side = strings.TrimSpace(side)
	if names := core.FindVars(side); len(names) == 1 && side == "{"+names[0]+"}" {
		if x, ok := v.lookup(names[0]); ok {
			return x
		}
	}
	return v.substitute(side)
}

// condition stops the flow when its rules do not hold.
func (r *runner) condition(s core.Step, v vars, res *core.StepResult) flow {
	ok := holds(s.Rules, s.Match,
		func(c core.ConditionRule) any { return ruleValue(v, c.Left) },
		func(c core.ConditionRule) any { return ruleValue(v, c.Right) })
	if ok {
		res.Detail = "Condition met: " + ruleWords(s.Rules, v, true) + "."
		return flowNext
	}
	res.Warnings = append(res.Warnings, "Condition not met: "+ruleWords(s.Rules, v, false)+".")
	return flowStopped
}

// ruleWords words the rules that held (held) or did not, each as what was
// found: "21.99" is not greater than "150"; "2664.27" is greater than "100".
func ruleWords(rules []core.ConditionRule, v vars, held bool) string {
	words := notWords
	if held {
		words = heldWords
	}
	var parts []string
	for _, c := range rules {
		l, r := ruleValue(v, c.Left), ruleValue(v, c.Right)
		if compare(l, c.Op, r) != held {
			continue
		}
		if c.Op == core.OpEmpty || c.Op == core.OpNotEmpty {
			parts = append(parts, fmt.Sprintf("%q %s", text(l), words[c.Op]))
			continue
		}
		parts = append(parts, fmt.Sprintf("%q %s %q", text(l), words[c.Op], text(r)))
	}
	return strings.Join(parts, "; ")
}

// heldWords say that an operator held.
var heldWords = map[string]string{
	core.OpGreater: "is greater than", core.OpLess: "is less than", core.OpEquals: "equals",
	core.OpNotEquals: "does not equal", core.OpContains: "contains", core.OpNotContains: "does not contain",
	core.OpEmpty: "is empty", core.OpNotEmpty: "is not empty",
}

// notWords say that an operator did not hold.
var notWords = map[string]string{
	core.OpGreater: "is not greater than", core.OpLess: "is not less than", core.OpEquals: "does not equal",
	core.OpNotEquals: "equals", core.OpContains: "does not contain", core.OpNotContains: "contains",
	core.OpEmpty: "is not empty", core.OpNotEmpty: "is empty",
}

// filter keeps the dataset rows whose columns pass the rules, and sets the
// dataset variables again for the filtered rows. The kept table keeps its
// column kinds, so money still shows with two decimals.
func (r *runner) filter(s core.Step, v vars, res *core.StepResult) error {
	name := strings.Trim(strings.TrimSpace(s.Dataset), "{}")
	ds, ok := v[name].(*core.Dataset)
	if !ok {
		return core.Errorf(core.EINVALID, "{%s} is not a dataset: filter a Pull Stats step's data_table.", name)
	}
	out := &core.Dataset{Columns: ds.Columns, Numeric: ds.Numeric, Key: ds.Key, Kinds: ds.Kinds, Rows: []map[string]any{}}
	for _, row := range ds.Rows {
		keep := holds(s.Rules, s.Match,
			func(c core.ConditionRule) any { return row[strings.Trim(strings.TrimSpace(c.Left), "{}")] },
			func(c core.ConditionRule) any { return ruleValue(v, c.Right) })
		if keep {
			out.Rows = append(out.Rows, row)
		}
	}
	v.setDataset(out, 0, res.Set)
	res.Rows = len(out.Rows)
	if dropped := len(ds.Rows) - len(out.Rows); dropped > 0 {
		res.Warnings = append(res.Warnings, fmt.Sprintf("%d of %d rows dropped.", dropped, len(ds.Rows)))
	}
	return nil
}
