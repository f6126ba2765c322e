package service

import "fmt"

// flagWebhookSecretsMoved records in the data file that its automations'
// literal webhook credentials have moved to the secret store.
const flagWebhookSecretsMoved = "webhook_secrets_moved"

// moveLegacyWebhookSecrets moves the literal credential header values
// that automations saved before the secret store still hold, with the
// move SaveAutomation uses, and records it in the data file so it runs
// once; the runs recorded before keep no literal credential either
// (scrubRunHistory). It is idempotent (a moved automation holds only references, which
// it owns) and does nothing on a file opened read-only or without a
// secret store (the listings, which mask what is left).
func (s *Services) moveLegacyWebhookSecrets() error {
	if _, none := s.Secrets.(NoSecrets); none || s.DB.ReadOnly() {
		return nil
	}
	if done, err := s.DB.MetaFlag(flagWebhookSecretsMoved); err != nil || done {
		return err
	}
	autos, err := s.DB.ListAutomations()
	if err != nil {
		return err
	}
	for i := range autos {
		a := &autos[i]
		stored, _ := s.DB.GetAutomation(a.ID)
		written, err := s.moveWebhookSecrets(a, &stored)
		if err != nil {
			return fmt.Errorf("move the webhook secrets of automation %q to the secret store: %w", a.Name, err)
		}
		if len(written) == 0 {
			continue
		}
		if err := s.DB.SaveAutomation(a); err != nil {
			s.dropSecretKeys(written)
			return fmt.Errorf("save automation %q with its webhook secrets moved: %w", a.Name, err)
		}
	}
	if _, err := s.scrubRunHistory(); err != nil {
		return fmt.Errorf("mask webhook credentials in run history: %w", err)
	}
	return s.DB.SetMetaFlag(flagWebhookSecretsMoved)
}
