package service

import (
	"strings"
	"time"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/tracker"
)

// SaveTemplate validates t against its own rules and its connection, and
// stores it.
func (s *Services) SaveTemplate(t core.ActionTemplate) (core.ActionTemplate, error) {
	if err := s.validateTemplate(&t); err != nil {
		return t, err
	}
	if t.ID != 0 {
		old, err := s.DB.GetTemplate(t.ID)
		if err != nil {
			return t, err
		}
		t.CreatedAt = old.CreatedAt
	}
	err := s.DB.SaveTemplate(&t)
	return t, err
}

func (s *Services) validateTemplate(t *core.ActionTemplate) error {
	if t.ConnectionID == 0 {
		return core.FieldError("connectionId", "Choose a connection.")
	}
	c, err := s.DB.GetConnection(t.ConnectionID)
	if core.ErrorCode(err) == core.ENOTFOUND {
		return core.FieldError("connectionId", "The chosen connection no longer exists: choose another.")
	}
	if err != nil {
		return err
	}
	return tracker.ValidateTemplate(t, c)
}

// DuplicateTemplate stores a copy of a template under a new name.
func (s *Services) DuplicateTemplate(id uint64) (core.ActionTemplate, error) {
	t, err := s.DB.GetTemplate(id)
	if err != nil {
		return t, err
	}
	t.ID, t.Name = 0, copyName(t.Name)
	t.CreatedAt = time.Time{}
	return s.SaveTemplate(t)
}

// TemplateFromPreset returns an unsaved template made from a preset, for
// the given connection.
func (s *Services) TemplateFromPreset(presetID string, connectionID uint64) (core.ActionTemplate, error) {
	p, ok := tracker.LookupPreset(presetID)
	if !ok {
		return core.ActionTemplate{}, core.Errorf(core.ENOTFOUND, "Preset %q was not found.", presetID)
	}
	c, err := s.DB.GetConnection(connectionID)
	if err != nil {
		return core.ActionTemplate{}, err
	}
	if err := tracker.CheckDialect(c, p.Platform); err != nil {
		return core.ActionTemplate{}, err
	}
	t := p.Template
	t.ConnectionID = connectionID
	return t, nil
}

// SearchTemplates returns the templates whose name, path, method, notes or
// connection name contain every word of query (any case).
func (s *Services) SearchTemplates(query string) ([]core.ActionTemplate, error) {
	all, err := s.DB.ListTemplates()
	if err != nil {
		return nil, err
	}
	conns, err := s.DB.ListConnections()
	if err != nil {
		return nil, err
	}
	names := map[uint64]string{}
	for _, c := range conns {
		names[c.ID] = c.Name
	}
	words := strings.Fields(strings.ToLower(query))
	out := []core.ActionTemplate{}
	for _, t := range all {
		hay := strings.ToLower(strings.Join([]string{t.Name, t.Path, t.Method, t.Notes, names[t.ConnectionID], string(t.Platform)}, " "))
		if matchesAll(hay, words) {
			out = append(out, t)
		}
	}
	return out, nil
}

func matchesAll(hay string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(hay, w) {
			return false
		}
	}
	return true
}
