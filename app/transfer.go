package app

import (
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
	out := AutomationsExport{Format: FormatAutomations, Version: BundleVersion, AppVersion: Version,
		Connections: []core.Connection{}, Templates: []core.ActionTemplate{}}
	autos, err := s.DB.ListAutomations()
	if err != nil {
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
