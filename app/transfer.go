package app

import (
	"encoding/json"
	"fmt"
	"io"

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
	out := AutomationsExport{Format: "affdesk.automations", Version: 1, AppVersion: Version,
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

// ImportAutomations reads an export and adds everything in it as new
// records, renumbering references. Connections arrive without secrets:
// enter them again. Returns how many automations it added.
func (s *Services) ImportAutomations(r io.Reader) (int, error) {
	var in AutomationsExport
	if err := json.NewDecoder(r).Decode(&in); err != nil {
		return 0, core.Errorf(core.EINVALID, "The file is not an AffDesk automations export: %v.", err)
	}
	if in.Format != "affdesk.automations" || in.Version != 1 {
		return 0, core.Errorf(core.EINVALID, "The file is %q version %d, not an AffDesk automations export (version 1).", in.Format, in.Version)
	}
	conns := map[uint64]uint64{}
	for _, c := range in.Connections {
		old := c.ID
		c.ID, c.SecretMasks = 0, map[string]string{}
		if err := s.DB.SaveConnection(&c); err != nil {
			return 0, fmt.Errorf("import connection %q: %w", c.Name, err)
		}
		conns[old] = c.ID
	}
	tpls := map[uint64]uint64{}
	for _, t := range in.Templates {
		old := t.ID
		t.ID, t.ConnectionID = 0, conns[t.ConnectionID]
		if err := s.DB.SaveTemplate(&t); err != nil {
			return 0, fmt.Errorf("import template %q: %w", t.Name, err)
		}
		tpls[old] = t.ID
	}
	for _, a := range in.Automations {
		a.ID = 0
		core.Walk(a.Steps, func(st *core.Step, _ []*core.Step) {
			st.TemplateID = tpls[st.TemplateID]
			if st.Stats != nil {
				st.Stats.ConnectionID = conns[st.Stats.ConnectionID]
			}
		})
		if _, err := s.SaveAutomation(a); err != nil {
			return 0, fmt.Errorf("import automation %q: %w", a.Name, err)
		}
	}
	return len(in.Automations), nil
}
