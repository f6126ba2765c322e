package secrets

import (
	"errors"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/zalando/go-keyring"
)

// Adopt moves an entry stored by earlier versions without a namespace
// under this keychain's namespace: it copies it to the namespaced key,
// then deletes the old one. It reports whether it moved anything. It is
// idempotent: nothing to move is not an error, and an entry the namespace
// already holds is never overwritten (the old one is then left alone, as it
// may belong to another data folder).
func (k Keychain) Adopt(key string) (bool, error) {
	if k.namespace == "" {
		return false, nil
	}
	old, err := keyring.Get(k.service, key)
	if errors.Is(err, keyring.ErrNotFound) {
		return false, nil
	}
	if err != nil {
		return false, core.Errorf(core.EUNAVAILABLE, "Could not read a secret from the system keychain: %v.", err)
	}
	if _, err := k.GetSecret(key); err == nil || core.ErrorCode(err) != core.ENOTFOUND {
		return false, err
	}
	if err := k.SetSecret(key, old); err != nil {
		return false, err
	}
	if err := keyring.Delete(k.service, key); err != nil && !errors.Is(err, keyring.ErrNotFound) {
		return true, core.Errorf(core.EUNAVAILABLE, "Could not delete a secret from the system keychain: %v.", err)
	}
	return true, nil
}
