package service

import "github.com/affdesk/affdesk/backend/core"

// NoSecrets is the secret store of listings, which never read a secret.
type NoSecrets struct{}

func (NoSecrets) SetSecret(string, string) error {
	return core.Errorf(core.EUNAVAILABLE, "secrets are not available here")
}

func (NoSecrets) GetSecret(string) (string, error) {
	return "", core.Errorf(core.EUNAVAILABLE, "secrets are not available here")
}

func (NoSecrets) DeleteSecret(string) error {
	return core.Errorf(core.EUNAVAILABLE, "secrets are not available here")
}

func (NoSecrets) Backend() string { return "none" }
