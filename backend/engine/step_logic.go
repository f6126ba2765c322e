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
		return flowNext
	}
	res.Warnings = append(res.Warnings, "Condition not met: "+unmet(s.Rules, v)+".")
	return flowStopped
}

// unmet words the rules that did not hold, each as what was found:
// "21.99" is not greater than "150"; none of them held.
func unmet(rules []core.ConditionRule, v vars) string {
	var parts []string
	for _, c := range rules {
		l, r := ruleValue(v, c.Left), ruleValue(v, c.Right)
		if compare(l, c.Op, r) {
			continue
		}
		if c.Op == core.OpEmpty || c.Op == core.OpNotEmpty {
			parts = append(parts, fmt.Sprintf("%q %s", text(l), notWords[c.Op]))
			continue
		}
		parts = append(parts, fmt.Sprintf("%q %s %q", text(l), notWords[c.Op], text(r)))
	}
	return strings.Join(parts, "; ")
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
