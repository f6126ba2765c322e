package app

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
}

var _ adopter = secrets.Keychain{}

// adoptLegacySecrets moves the un-namespaced keychain entries of this data
// file's connections and email account under its install ID. It runs at
// every writable opening and does nothing once they have moved.
func adoptLegacySecrets(db *store.DB, sec core.SecretStore) error {
	a, ok := sec.(adopter)
	if !ok || db.ReadOnly() {
		return nil
	}
	keys := []string{secretSMTPPasswd}
	conns, err := db.ListConnections()
	if err != nil {
		return err
	}
	for _, c := range conns {
		for _, p := range tracker.Platforms() {
			for _, f := range p.SecretFields() {
				keys = append(keys, core.SecretKey(c.ID, f))
			}
		}
	}
	for _, k := range uniq(keys) {
		if _, err := a.Adopt(k); err != nil {
			return fmt.Errorf("move the keychain entry %s under this data file: %w", k, err)
		}
	}
	return nil
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
