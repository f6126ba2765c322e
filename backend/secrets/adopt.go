package secrets

import (
	"errors"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/zalando/go-keyring"
)

// Adopt copies an entry stored by earlier versions without a namespace
// under this keychain's namespace, and reports whether it copied
// anything. The old entry is left in place: earlier versions shared it
// between data folders, and each folder that used it adopts its own copy.
// It is idempotent: nothing to copy is not an error, and an entry the
// namespace already holds is never overwritten.
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
	return true, nil
}
