package service

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/tracker"
)

// maxSecretInput bounds what set-secret reads from standard input.
const maxSecretInput = 64 << 10

// ConnectionListed is a connection as `connections list` prints it:
// Secrets says which secret fields are set, masked (bullets and at most the
// last four characters), and nothing more.
type ConnectionListed struct {
	core.Connection
	SecretMasks map[string]string `json:"secretMasks,omitempty"` // hides the record's field
	Secrets     map[string]string `json:"secrets"`
}

// ConnectionListing returns every connection with its set secrets masked.
func (s *Services) ConnectionListing() ([]ConnectionListed, error) {
	conns, err := s.DB.ListConnections()
	if err != nil {
		return nil, err
	}
	out := make([]ConnectionListed, 0, len(conns))
	for _, c := range conns {
		l := ConnectionListed{Connection: c, Secrets: map[string]string{}}
		for k, m := range c.SecretMasks {
			if m != "" {
				l.Secrets[k] = m
			}
		}
		out = append(out, l)
	}
	return out, nil
}

// FindConnection returns the connection with the ID or exact name
// (ignoring case); ENOTFOUND otherwise.
func (s *Services) FindConnection(ref string) (core.Connection, error) {
	all, err := s.DB.ListConnections()
	if err != nil {
		return core.Connection{}, err
	}
	for _, c := range all {
		if strconv.FormatUint(c.ID, 10) == ref || strings.EqualFold(c.Name, ref) {
			return c, nil
		}
	}
	return core.Connection{}, core.Errorf(core.ENOTFOUND, "No connection is named %q or has that ID.", ref)
}

// SetConnectionSecret stores one secret field of a connection and its
// masked hint. The value is cleaned as the window cleans it (cleanSecret):
// surrounding whitespace dropped, one line, not empty. The field must be one the connection's platform and
// settings use; the error lists the valid ones.
func (s *Services) SetConnectionSecret(ref, field, value string) (core.Connection, error) {
	c, err := s.FindConnection(ref)
	if err != nil {
		return c, err
	}
	valid := secretFieldsOf(c)
	if !contains(valid, field) {
		return c, core.FieldError("field", "Connection %q has no secret field %q: use one of %s.", c.Name, field, strings.Join(valid, ", "))
	}
	value, err = cleanSecret("value", c.Name, field, value)
	if err != nil {
		return c, err
	}
	if value == "" {
		return c, core.FieldError("value", "The %s of connection %q cannot be empty.", field, c.Name)
	}
	if err := s.Secrets.SetSecret(core.SecretKey(c.ID, field), value); err != nil {
		return c, err
	}
	if c.SecretMasks == nil {
		c.SecretMasks = map[string]string{}
	}
	c.SecretMasks[field] = core.MaskSecret(value)
	return c, s.DB.SaveConnection(&c)
}

// secretFieldsOf lists the secret fields the connection uses now.
func secretFieldsOf(c core.Connection) []string {
	p, _ := tracker.Lookup(c.Platform)
	var out []string
	for _, f := range p.Fields {
		if f.Secret() && f.Visible(c.Settings) {
			out = append(out, f.Key)
		}
	}
	if len(out) == 0 {
		out = []string{"(none: this connection uses no secret)"}
	}
	return out
}

func contains(list []string, x string) bool {
	for _, y := range list {
		if y == x {
			return true
		}
	}
	return false
}

// ReadSecret reads a secret from r, dropping exactly one trailing line
// ending (\n or \r\n).
func ReadSecret(r io.Reader) (string, error) {
	raw, err := io.ReadAll(io.LimitReader(r, maxSecretInput+1))
	if err != nil {
		return "", fmt.Errorf("read the secret from standard input: %w", err)
	}
	if len(raw) > maxSecretInput {
		return "", core.Errorf(core.EINVALID, "The secret on standard input is longer than %d KiB.", maxSecretInput>>10)
	}
	if bytes.HasSuffix(raw, []byte("\r\n")) {
		raw = raw[:len(raw)-2]
	} else if bytes.HasSuffix(raw, []byte("\n")) {
		raw = raw[:len(raw)-1]
	}
	if len(raw) == 0 {
		return "", core.Errorf(core.EINVALID, "Standard input is empty: pipe the secret in, e.g. printf '%%s' \"$KEY\" | affdesk connections set-secret NAME FIELD.")
	}
	return string(raw), nil
}
