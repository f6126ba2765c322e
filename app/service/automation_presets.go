package service

import (
	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/tracker"
)

// AutomationFromPreset creates an automation from a preset on a
// connection: the templates its steps need are reused when the connection
// already has them from the same preset, or created. Returns the saved
// automation.
func (s *Services) AutomationFromPreset(presetID string, connectionID uint64) (core.Automation, error) {
	c, err := s.DB.GetConnection(connectionID)
	if err != nil {
		return core.Automation{}, err
	}
	var preset *tracker.AutomationPreset
	for _, p := range tracker.AutomationPresets(c.Platform) {
		if p.ID == presetID {
			preset = &p
			break
		}
	}
	if preset == nil {
		return core.Automation{}, core.Errorf(core.ENOTFOUND, "Preset %q does not fit connection %q.", presetID, c.Name)
	}
	a := core.Automation{Name: preset.Name, Description: preset.Description, PresetID: preset.ID, Steps: preset.Steps, Trigger: core.Trigger{Kind: "manual"},
		Schedule: suggestedSchedule(preset.Schedule, c.Timezone)}
	var firstErr error
	core.Walk(a.Steps, func(st *core.Step, _ []*core.Step) {
		if firstErr != nil {
			return
		}
		if tplPreset, ok := preset.Templates[st.ID]; ok {
			st.TemplateID, firstErr = s.templateFor(tplPreset, connectionID)
		}
		if st.Stats != nil {
			st.Stats.ConnectionID = connectionID
		}
	})
	if firstErr != nil {
		return a, firstErr
	}
	return s.SaveAutomation(a)
}

// templateFor returns the ID of the connection's template made from a
// template preset, creating it if there is none.
func (s *Services) templateFor(presetID string, connectionID uint64) (uint64, error) {
	all, err := s.DB.ListTemplates()
	if err != nil {
		return 0, err
	}
	for _, t := range all {
		if t.PresetID == presetID && t.ConnectionID == connectionID {
			return t.ID, nil
		}
	}
	t, err := s.TemplateFromPreset(presetID, connectionID)
	if err != nil {
		return 0, err
	}
	saved, err := s.SaveTemplate(t)
	return saved.ID, err
}

// suggestedSchedule copies a preset's suggested schedule, off until the
// user enables it, in the connection's timezone (UTC when it has none).
func suggestedSchedule(p *core.Schedule, tz string) *core.Schedule {
	if p == nil {
		return nil
	}
	sch := *p
	sch.Days = append([]int(nil), p.Days...)
	sch.Enabled = false
	if sch.Timezone = tz; tz == "" {
		sch.Timezone = "UTC"
	}
	return &sch
}
