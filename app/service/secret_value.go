package service

import (
	"strings"

	"github.com/affdesk/affdesk/backend/core"
)

// cleanSecret is the one rule every door (the window, `connections
// set-secret`) applies to a connection secret given to it: whitespace
// around it (a copied line's end, a stray space) is dropped, and what is
// left must be one line, as every secret travels in a header, a query or
// a form field. An empty result comes back as "" without error: the
// caller decides whether that keeps the stored secret or is refused. The
// error is EINVALID on field, naming the connection and the secret.
func cleanSecret(field, conn, label, value string) (string, error) {
	v := strings.TrimSpace(value)
	if strings.ContainsAny(v, "\r\n") {
		return "", core.FieldError(field, "The %s of connection %q holds a line break: give it on one line.", label, conn)
	}
	return v, nil
}

// checkSecretInputs applies cleanSecret to every secret the window sent,
// before anything is stored.
func checkSecretInputs(c core.Connection, secrets map[string]string) error {
	for key, v := range secrets {
		if _, err := cleanSecret("secrets."+key, c.Name, key, v); err != nil {
			return err
		}
	}
	return nil
}
