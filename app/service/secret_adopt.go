package service

import (
	"fmt"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/secrets"
	"github.com/affdesk/affdesk/backend/store"
	"github.com/affdesk/affdesk/backend/tracker"
)

// adopter is a secret store that can take over entries stored before
// secrets were namespaced per data file (the namespaced keychain).
type adopter interface {
	Adopt(key string) (bool, error)
	Namespace() string // "" when it keeps entries without a namespace: nothing to adopt
}

var _ adopter = secrets.Keychain{}

// flagKeychainAdopted records in the data file that its keychain entries
// have been adopted under its install ID.
const flagKeychainAdopted = "keychain_adopted"

// adoptLegacySecrets copies the un-namespaced keychain entries of this
// data file's connections and email account under its install ID, leaving
// the old ones for any other data folder that used them. It runs once per
// data file (recorded in its meta bucket), as each keychain read may start
// a process (macOS `security`); it does nothing on a read-only opening or
// with a secret store that has nothing to adopt.
func adoptLegacySecrets(db *store.DB, sec core.SecretStore) error {
	a, ok := sec.(adopter)
	if !ok || a.Namespace() == "" || db.ReadOnly() {
		return nil
	}
	if done, err := db.MetaFlag(flagKeychainAdopted); err != nil || done {
		return err
	}
	keys, err := legacySecretKeys(db)
	if err != nil {
		return err
	}
	for _, k := range keys {
		if _, err := a.Adopt(k); err != nil {
			return fmt.Errorf("copy the keychain entry %s under this data file: %w", k, err)
		}
	}
	return db.SetMetaFlag(flagKeychainAdopted)
}

// legacySecretKeys lists every key earlier versions may have stored for
// this data file: the email password and each connection's secret fields.
func legacySecretKeys(db *store.DB) ([]string, error) {
	keys := []string{secretSMTPPasswd}
	conns, err := db.ListConnections()
	if err != nil {
		return nil, err
	}
	for _, c := range conns {
		for _, p := range tracker.Platforms() {
			for _, f := range p.SecretFields() {
				keys = append(keys, core.SecretKey(c.ID, f))
			}
		}
	}
	return uniq(keys), nil
}

func uniq(list []string) []string {
	seen := map[string]bool{}
	out := list[:0]
	for _, x := range list {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}
