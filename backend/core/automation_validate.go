package core

import (
	"fmt"
	"sort"
	"strings"
)

// MaxConcurrency is the most items a For Each runs at once.
const MaxConcurrency = 16

// Validate checks an automation before it is saved: its name, each step's
// kind and settings, unique step IDs, and that every {variable} a step
// uses is set by a step before it (or is built in, comes from an enabled
// webhook trigger: {webhook_<field>}, or is the item of an
// enclosing For Each). columns gives a stat type's numeric columns.
// Errors name the step, as field "steps.<id>.<field>". Steps that only
// lack setup (no template chosen yet) pass: see SetupProblems.
func (a *Automation) Validate(columns func(statType string) []string) error {
	a.Name = strings.TrimSpace(a.Name)
	if a.Trigger.Kind == "" {
		a.Trigger.Kind = "manual"
	}
	return Collect(
		func() error { return validateName(a.Name) },
		a.validateTrigger,
		func() error { return a.validateSteps(columns) },
	)
}

// validateTrigger checks the trigger kind, its timezone, the schedule and
// the webhook trigger.
func (a *Automation) validateTrigger() error {
	if a.Trigger.Kind != "manual" && a.Trigger.Kind != "schedule" {
		return FieldError("trigger.kind", "Trigger must be manual or schedule.")
	}
	checks := []func() error{}
	if a.Trigger.Timezone != "" {
		checks = append(checks, func() error { return ValidTimezone("trigger.timezone", a.Trigger.Timezone) })
	}
	if a.Schedule != nil {
		checks = append(checks, a.Schedule.Validate)
	}
	if a.Hook != nil {
		checks = append(checks, a.Hook.Validate)
	}
	return Collect(checks...)
}

// validateSteps checks the steps' structure, then the variables they use.
func (a *Automation) validateSteps(columns func(statType string) []string) error {
	if err := checkStructure(a.Steps, map[string]bool{}, ""); err != nil {
		return err
	}
	avail := map[string]bool{}
	for _, b := range BuiltinVars {
		avail[b] = true
	}
	if a.HookEnabled() {
		avail[hookVars] = true
	}
	return checkVars(a.Steps, avail, nil, "", Numbering(a.Steps), columns)
}

func stepField(s Step, field string) string { return "steps." + s.ID + "." + field }

func checkStructure(steps []Step, ids map[string]bool, prefix string) error {
	for i := range steps {
		s := &steps[i]
		label := fmt.Sprintf("Step %s%d", prefix, i+1)
		if s.ID == "" || ids[s.ID] {
			return FieldError("steps", "%s has a missing or repeated ID.", label)
		}
		ids[s.ID] = true
		if err := s.checkSettings(label); err != nil {
			return err
		}
		if s.Kind == StepForEach {
			if err := checkStructure(s.Steps, ids, fmt.Sprintf("%s%d.", prefix, i+1)); err != nil {
				return err
			}
		} else if len(s.Steps) > 0 {
			return FieldError(stepField(*s, "steps"), "%s is not a For Each, so it cannot hold steps.", label)
		}
	}
	return nil
}

func (s *Step) checkSettings(label string) error {
	if !validKind(s.Kind) {
		return FieldError(stepField(*s, "kind"), "%s has an unknown kind %q.", label, s.Kind)
	}
	if s.Match != "" && s.Match != "all" && s.Match != "any" {
		return FieldError(stepField(*s, "match"), "%s must match all or any of its rules.", label)
	}
	for i, r := range s.Rules {
		if !knownOp(r.Op) {
			return FieldError(stepField(*s, fmt.Sprintf("rules[%d].op", i)), "%s: rule %d has an unknown operator %q.", label, i+1, r.Op)
		}
	}
	if s.Concurrency < 0 || s.Concurrency > MaxConcurrency {
		return FieldError(stepField(*s, "concurrency"), "%s: run 1 to %d items at once.", label, MaxConcurrency)
	}
	if s.ItemName != "" && !ValidName(s.ItemName) {
		return FieldError(stepField(*s, "itemName"), "%s: %q is not a valid item name.", label, s.ItemName)
	}
	for i, sel := range s.Selections {
		if !ValidName(sel.Variable) {
			return FieldError(stepField(*s, fmt.Sprintf("selections[%d].variable", i)), "%s: %q is not a valid variable name (letters, digits, _).", label, sel.Variable)
		}
	}
	if err := s.checkWebhook(label); err != nil {
		return err
	}
	if st := s.Stats; st != nil && st.Timezone != "" {
		if err := ValidTimezone(stepField(*s, "stats.timezone"), st.Timezone); err != nil {
			return err
		}
	}
	return nil
}

// checkWebhook checks a webhook's method against Methods and that its URL,
// unless a {variable} gives it whole, starts with http:// or https://.
func (s *Step) checkWebhook(label string) error {
	w := s.Webhook
	if w == nil {
		return nil
	}
	if w.Method != "" && !contains(Methods, w.Method) {
		return FieldError(stepField(*s, "webhook.method"), "%s: method must be one of %s.", label, strings.Join(Methods, ", "))
	}
	u := strings.ToLower(strings.TrimSpace(w.URL))
	if u != "" && !strings.HasPrefix(u, "{") && !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "http://") {
		return FieldError(stepField(*s, "webhook.url"), "%s: the webhook URL must start with https:// (or http://).", label)
	}
	return nil
}

func validKind(k StepKind) bool {
	for _, x := range StepKinds {
		if x == k {
			return true
		}
	}
	return false
}

func knownOp(op string) bool {
	for _, o := range Operators {
		if o[0] == op {
			return true
		}
	}
	return false
}

// ItemVar is a For Each step's item name ("item" unless set).
func (s Step) ItemVar() string {
	if s.ItemName != "" {
		return s.ItemName
	}
	return "item"
}

// checkVars walks steps in order, growing the set of variables available.
// items are the item names of enclosing For Each steps.
func checkVars(steps []Step, avail map[string]bool, items []string, prefix string, nums map[string]int, columns func(string) []string) error {
	for i, s := range steps {
		label := fmt.Sprintf("%s%d", prefix, i+1)
		if err := checkStepVars(s, label, avail, items); err != nil {
			return err
		}
		if s.Kind == StepForEach {
			inner := copySet(avail)
			inner[s.ItemVar()], inner[s.ItemVar()+"_index"] = true, true
			if err := checkVars(s.Steps, inner, append(items, s.ItemVar()), label+".", nums, columns); err != nil {
				return err
			}
		}
		for _, o := range Outputs(s, nums[s.ID], columns) {
			avail[o] = true
		}
	}
	return nil
}

func checkStepVars(s Step, label string, avail map[string]bool, items []string) error {
	fields := TextFields(s)
	names := make([]string, 0, len(fields))
	for k := range fields {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, f := range names {
		for _, v := range FindVars(fields[f]) {
			if !known(v, avail, items) {
				return FieldError(stepField(s, f), "Step %s “%s” uses {%s}, which no step before it sets.", label, s.Label(), v)
			}
		}
	}
	return nil
}

// hookVars marks, in a set of available variables, that every
// webhook_<field> is available (no variable name holds a *).
const hookVars = HookVarPrefix + "*"

func known(v string, avail map[string]bool, items []string) bool {
	if avail[v] || (avail[hookVars] && IsHookVar(v)) {
		return true
	}
	for _, it := range items {
		if strings.HasPrefix(v, it+".") {
			return true
		}
	}
	return false
}

func copySet(m map[string]bool) map[string]bool {
	out := make(map[string]bool, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// SetupProblems returns, by step ID, what each incomplete step still
// needs before the automation can run.
func (a *Automation) SetupProblems() map[string]string {
	out := map[string]string{}
	Walk(a.Steps, func(s *Step, _ []*Step) {
		if p := s.setupProblem(); p != "" {
			out[s.ID] = p
		}
	})
	return out
}

func (s *Step) setupProblem() string {
	switch {
	case s.Kind.IsAction() && s.TemplateID == 0:
		return "Choose an action template."
	case s.Kind == StepPullStats && (s.Stats == nil || s.Stats.ConnectionID == 0 || s.Stats.StatType == ""):
		return "Choose a connection and a stat type."
	case (s.Kind == StepCondition || s.Kind == StepFilter) && allBlank(s.Rules):
		return "Add at least one rule."
	case s.Kind == StepFilter && s.Dataset == "":
		return "Choose the dataset to filter."
	case s.Kind == StepForEach && strings.TrimSpace(s.Over) == "":
		return "Choose the list or dataset to loop over."
	case s.Kind == StepForEach && len(s.Steps) == 0:
		return "Add the steps to run for each item."
	case s.Kind == StepSendEmail && (s.Email == nil || strings.TrimSpace(s.Email.To) == "" || strings.TrimSpace(s.Email.Subject) == ""):
		return "Enter recipients and a subject."
	case s.Kind == StepSendWebhook && (s.Webhook == nil || strings.TrimSpace(s.Webhook.URL) == ""):
		return "Enter the webhook URL."
	}
	return ""
}

// allBlank reports whether no rule has anything in it: none at all, or
// only rules whose sides are both empty (a rule added and never filled).
func allBlank(rules []ConditionRule) bool {
	for _, r := range rules {
		if strings.TrimSpace(r.Left) != "" || strings.TrimSpace(r.Right) != "" {
			return false
		}
	}
	return true
}
