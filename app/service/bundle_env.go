package service

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/tracker"
)

// SecretEnvPrefix starts the environment variable that holds a
// connection's secret in a stateless run (affdesk run --bundle):
// AFFDESK_SECRET_<CONNECTION NAME IN UPPER SNAKE CASE>_<FIELD KEY IN UPPER
// CASE>, e.g. AFFDESK_SECRET_SHOP_API_API_KEY for the api_key of "Shop
// API". A connection of the bundle may name its own variables instead in
// "secretEnv" (field key -> variable name).
const SecretEnvPrefix = "AFFDESK_SECRET_"

var envNameRE = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]{0,199}$`)

// SecretEnvName is the default variable for a connection's secret field.
// A name with no ASCII letter or digit is named by its ID in the file:
// AFFDESK_SECRET_CONNECTION_7_API_KEY.
func SecretEnvName(connName string, fileID uint64, field string) string {
	name := upperSnake(connName)
	if name == "" {
		name = fmt.Sprintf("CONNECTION_%d", fileID)
	}
	return SecretEnvPrefix + name + "_" + upperSnake(field)
}

// upperSnake keeps ASCII letters and digits, upper-cased, and turns every
// run of anything else into one underscore, none at either end.
func upperSnake(s string) string {
	var b strings.Builder
	gap := false
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
			if gap && b.Len() > 0 {
				b.WriteByte('_')
			}
			gap = false
			b.WriteRune(r)
		default:
			gap = true
		}
	}
	return strings.ToUpper(b.String())
}

// bundleEnv is the "secretEnv" of each connection of a bundle, by the
// connection's ID in the file.
type bundleEnv map[uint64]map[string]string

// readSecretEnv reads each connection's "secretEnv" from a bundle's text.
// A variable name that is not a valid environment variable name is an
// EINVALID error naming the connection and field.
func readSecretEnv(raw []byte) (bundleEnv, error) {
	var doc struct {
		Connections []struct {
			ID        uint64            `json:"id"`
			Name      string            `json:"name"`
			SecretEnv map[string]string `json:"secretEnv"`
		} `json:"connections"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		return nil, core.FieldError("file", "The bundle is not an AffDesk export: %s.", jsonProblem(err))
	}
	out := bundleEnv{}
	for i, c := range doc.Connections {
		for field, name := range c.SecretEnv {
			if !envNameRE.MatchString(name) {
				return nil, core.FieldError(fmt.Sprintf("connections[%d].secretEnv.%s", i, field),
					"Connection %q: secretEnv of %q must be an environment variable name (letters, digits, _), not %q.", c.Name, field, short(name, 60))
			}
		}
		if len(c.SecretEnv) > 0 {
			out[c.ID] = c.SecretEnv
		}
	}
	return out, nil
}

// bundleSecrets reads from lookup the secrets of connection c (its ID the
// file's). With required, a visible required secret whose variable is
// unset or empty is an EINVALID error naming the connection, field and
// variable; otherwise it is left out. A secretEnv key that is not one of
// the connection's secret fields is an error too.
func bundleSecrets(c core.Connection, names map[string]string, required bool, lookup func(string) (string, bool)) (map[string]string, error) {
	p, _ := tracker.Lookup(c.Platform)
	out := map[string]string{}
	known := map[string]bool{}
	for _, f := range p.Fields {
		if !f.Secret() || !f.Visible(c.Settings) {
			continue
		}
		known[f.Key] = true
		name := names[f.Key]
		if name == "" {
			name = SecretEnvName(c.Name, c.ID, f.Key)
		}
		v, _ := lookup(name)
		v, err := cleanSecret("env."+name, c.Name, f.Label, v)
		if err != nil {
			return nil, err
		}
		if v != "" {
			out[f.Key] = v
		} else if required && f.Required {
			return nil, core.FieldError("env."+name, "Connection %q needs its %s (%s): set the environment variable %s.", c.Name, f.Label, f.Key, name)
		}
	}
	for field := range names {
		if !known[field] {
			return nil, core.FieldError("secretEnv."+field, "Connection %q has no secret field %q in use: its secretEnv names one of %s.", c.Name, field, strings.Join(secretFieldsOf(c), ", "))
		}
	}
	return out, nil
}
