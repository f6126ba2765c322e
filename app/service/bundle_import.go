package service

import (
	"bytes"
	"fmt"

	"github.com/affdesk/affdesk/backend/core"
)

// ImportBundlePlan imports the bundle into the empty data folder, then stores
// the secrets and the email account the plan read from the environment.
// It returns the stored ID of the automation to run. In an empty folder
// records are stored in the file's order, so the n-th of the file is the
// n-th stored.
func (s *Services) ImportBundlePlan(p BundlePlan) (uint64, error) {
	if _, err := s.ImportBundle(bytes.NewReader(p.raw), ClashRename); err != nil {
		return 0, err
	}
	conns, err := s.DB.ListConnections()
	if err != nil {
		return 0, err
	}
	autos, err := s.DB.ListAutomations()
	if err != nil || len(conns) != len(p.file.Connections) || len(autos) != len(p.file.Automations) {
		return 0, fmt.Errorf("the bundle's records were not stored one for one: %v", err)
	}
	for i, c := range p.file.Connections {
		for field, v := range p.secrets[c.ID] {
			if err := s.Secrets.SetSecret(core.SecretKey(conns[i].ID, field), v); err != nil {
				return 0, err
			}
		}
	}
	if p.smtp != nil {
		if err := s.SaveSMTP(*p.smtp); err != nil {
			return 0, err
		}
	}
	return autos[p.automation].ID, nil
}
