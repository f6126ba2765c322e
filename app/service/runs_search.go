package service

import (
	"fmt"
	"strings"

	"github.com/affdesk/affdesk/backend/core"
)

// automationsByStepText returns the automations with a step whose name, or
// whose template's name, holds query (ignoring case).
func (s *Services) automationsByStepText(query string) ([]uint64, error) {
	q := strings.ToLower(strings.TrimSpace(query))
	autos, err := s.DB.ListAutomations()
	if err != nil {
		return nil, fmt.Errorf("search runs: %w", err)
	}
	tpls, err := s.DB.ListTemplates()
	if err != nil {
		return nil, fmt.Errorf("search runs: %w", err)
	}
	tplMatch := map[uint64]bool{}
	for _, t := range tpls {
		tplMatch[t.ID] = strings.Contains(strings.ToLower(t.Name), q)
	}
	var ids []uint64
	for _, a := range autos {
		hit := false
		core.Walk(a.Steps, func(st *core.Step, _ []*core.Step) {
			hit = hit || strings.Contains(strings.ToLower(st.Name), q) || tplMatch[st.TemplateID]
		})
		if hit {
			ids = append(ids, a.ID)
		}
	}
	return ids, nil
}
