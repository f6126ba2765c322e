package service

import (
	"time"

	"github.com/affdesk/affdesk/backend/core"
)

// AutomationsExport is the documented format of `affdesk automations
// export`: automations with the templates and connections they use, and
// never a secret or a hint of one.
type AutomationsExport struct {
	Format      string                `json:"format"` // "affdesk.automations"
	Version     int                   `json:"version"`
	AppVersion  string                `json:"appVersion"`
	Connections []core.Connection     `json:"connections"`
	Templates   []core.ActionTemplate `json:"templates"`
	Automations []core.Automation     `json:"automations"`
}

// ExportAutomations gathers every automation and what it uses.
func (s *Services) ExportAutomations() (AutomationsExport, error) {
	return s.ExportSelected(nil)
}

// ExportSelected gathers the automations with the given IDs (every one
// when ids is empty) and the templates and connections they use, in the
// format of ExportAutomations. Returns ENOTFOUND naming an ID that no
// automation has.
func (s *Services) ExportSelected(ids []uint64) (AutomationsExport, error) {
	out := AutomationsExport{Format: FormatAutomations, Version: BundleVersion, AppVersion: Version,
		Connections: []core.Connection{}, Templates: []core.ActionTemplate{}}
	autos, err := s.DB.ListAutomations()
	if err != nil {
		return out, err
	}
	if autos, err = pickAutomations(autos, ids); err != nil {
		return out, err
	}
	for i := range autos {
		StripWebhookSecrets(&autos[i])
	}
	out.Automations = autos
	tplIDs, connIDs := map[uint64]bool{}, map[uint64]bool{}
	for i := range autos {
		core.Walk(autos[i].Steps, func(st *core.Step, _ []*core.Step) {
			if st.TemplateID != 0 {
				tplIDs[st.TemplateID] = true
			}
			if st.Stats != nil && st.Stats.ConnectionID != 0 {
				connIDs[st.Stats.ConnectionID] = true
			}
		})
	}
	for id := range tplIDs {
		t, err := s.DB.GetTemplate(id)
		if err != nil {
			continue
		}
		out.Templates = append(out.Templates, t)
		connIDs[t.ConnectionID] = true
	}
	for id := range connIDs {
		c, err := s.DB.GetConnection(id)
		if err != nil {
			continue
		}
		c.SecretMasks = nil
		out.Connections = append(out.Connections, c)
	}
	return out, nil
}

// Export is the documented JSON format of `affdesk templates export`: the
// templates and the connections they use, never a secret (nor a masked
// hint of one).
type Export struct {
	Format      string                `json:"format"` // "affdesk.templates"
	Version     int                   `json:"version"`
	ExportedAt  time.Time             `json:"exportedAt"`
	AppVersion  string                `json:"appVersion"`
	Connections []core.Connection     `json:"connections"`
	Templates   []core.ActionTemplate `json:"templates"`
}

// ExportTemplates gathers every template and the connections they use.
func (s *Services) ExportTemplates() (Export, error) {
	tpls, err := s.DB.ListTemplates()
	if err != nil {
		return Export{}, err
	}
	conns, err := s.DB.ListConnections()
	if err != nil {
		return Export{}, err
	}
	used := map[uint64]bool{}
	for _, t := range tpls {
		used[t.ConnectionID] = true
	}
	out := Export{Format: "affdesk.templates", Version: 1, ExportedAt: s.Now().UTC(), AppVersion: Version,
		Templates: tpls, Connections: []core.Connection{}}
	for _, c := range conns {
		if used[c.ID] {
			c.SecretMasks = nil
			out.Connections = append(out.Connections, c)
		}
	}
	return out, nil
}

// pickAutomations keeps the automations with the given IDs, in list
// order; every one when ids is empty.
func pickAutomations(autos []core.Automation, ids []uint64) ([]core.Automation, error) {
	if len(ids) == 0 {
		return autos, nil
	}
	want := map[uint64]bool{}
	for _, id := range ids {
		want[id] = true
	}
	var out []core.Automation
	for _, a := range autos {
		if want[a.ID] {
			out = append(out, a)
			delete(want, a.ID)
		}
	}
	for id := range want {
		return nil, core.Errorf(core.ENOTFOUND, "Automation %d was not found: nothing was exported.", id)
	}
	return out, nil
}
