package service

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/pick"
	"github.com/affdesk/affdesk/backend/schedule"
	"github.com/affdesk/affdesk/backend/tracker"
)

// recordRefs answers whether the templates and connections an automation
// names exist: in the data file when saving, in the file when importing.
type recordRefs struct {
	template   func(id uint64) bool
	connection func(id uint64) bool
	inFile     bool // the records come from an import file
}

// storedRefs looks references up in the data file. Only a record proven
// missing counts as missing.
func (s *Services) storedRefs() recordRefs {
	return recordRefs{
		template: func(id uint64) bool {
			_, err := s.DB.GetTemplate(id)
			return core.ErrorCode(err) != core.ENOTFOUND
		},
		connection: func(id uint64) bool {
			_, err := s.DB.GetConnection(id)
			return core.ErrorCode(err) != core.ENOTFOUND
		},
	}
}

// missing says that a step's reference to a template or connection
// (noun) does not resolve.
func (r recordRefs) missing(st core.Step, noun string, id uint64) string {
	if r.inFile {
		return fmt.Sprintf("Step “%s” uses %s %d, which is not in the file.", st.Label(), noun, id)
	}
	return fmt.Sprintf("Step “%s” uses a%s %s that no longer exists.", st.Label(), map[string]string{"template": "n action"}[noun], noun)
}

// checkAutomation is the one check of an automation, whichever door it
// comes through (the builder, an import): the domain rules, each
// selection's JSONPath, stat types, JSON webhook bodies, and that every
// template and connection it names resolves through refs. Errors name the
// step and field.
func checkAutomation(a *core.Automation, refs recordRefs) error {
	if err := a.Validate(tracker.NumericColumns); err != nil {
		return err
	}
	if a.Schedule != nil {
		if err := schedule.Check(*a.Schedule); err != nil {
			return err
		}
	}
	var firstErr error
	core.Walk(a.Steps, func(st *core.Step, parents []*core.Step) {
		if firstErr == nil {
			firstErr = checkStep(*st, parents, refs)
		}
	})
	return firstErr
}

func checkStep(st core.Step, parents []*core.Step, refs recordRefs) error {
	field := func(f string) string { return "steps." + st.ID + "." + f }
	for i, sel := range st.Selections {
		if _, err := pick.Compile(sel.Path); err != nil {
			return core.FieldError(field(fmt.Sprintf("selections[%d].path", i)), "%s", core.ErrorMessage(err))
		}
	}
	if st.Kind.IsAction() && st.TemplateID != 0 && !refs.template(st.TemplateID) {
		return core.FieldError(field("templateId"), "%s", refs.missing(st, "template", st.TemplateID))
	}
	if err := checkStats(st, refs, field); err != nil {
		return err
	}
	if w := st.Webhook; w != nil && w.BodyKind == "json" && strings.TrimSpace(w.Body) != "" && !json.Valid([]byte(w.Body)) {
		return core.FieldError(field("webhook.body"), "The JSON body of “%s” is not valid JSON: put each {variable} inside quotes, e.g. \"{row_count}\".", st.Label())
	}
	if st.Kind == core.StepApproval && len(parents) > 0 {
		return core.FieldError(field("kind"), "Approve to Continue cannot be inside a For Each: put it before or after the loop.")
	}
	return nil
}

// checkStats checks a Pull Stats step's connection and stat type.
func checkStats(st core.Step, refs recordRefs, field func(string) string) error {
	if st.Kind != core.StepPullStats || st.Stats == nil {
		return nil
	}
	if id := st.Stats.ConnectionID; id != 0 && !refs.connection(id) {
		return core.FieldError(field("stats.connectionId"), "%s", refs.missing(st, "connection", id))
	}
	if t := st.Stats.StatType; t != "" {
		if _, ok := tracker.LookupStatType(t); !ok {
			return core.FieldError(field("stats.statType"), "Unknown stat type %q.", t)
		}
	}
	return nil
}
