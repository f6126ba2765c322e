package service

import (
	"sort"
	"strings"
	"time"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/tracker"
)

// ConnectionUse names the templates that use a connection.
type ConnectionUse struct {
	Templates []string `json:"templates"`
}

// SaveConnection validates in, stores it and its new secrets, and returns
// the stored record (masks only). Secrets left empty keep the stored ones.
func (s *Services) SaveConnection(in core.ConnectionInput) (core.Connection, error) {
	c, err := s.prepareConnection(in)
	if err != nil {
		return core.Connection{}, err
	}
	isNew := c.ID == 0
	if err := s.DB.SaveConnection(&c); err != nil {
		return core.Connection{}, err
	}
	if err := s.storeSecrets(&c, in); err != nil {
		if isNew {
			_ = s.DB.DeleteConnection(c.ID)
		}
		return core.Connection{}, err
	}
	return c, s.DB.SaveConnection(&c)
}

// prepareConnection validates in against the shared rules and the
// platform's, keeping stored fields the editor does not send.
func (s *Services) prepareConnection(in core.ConnectionInput) (core.Connection, error) {
	c := in.Connection
	c.SecretMasks = map[string]string{}
	if c.ID != 0 {
		old, err := s.DB.GetConnection(c.ID)
		if err != nil {
			return c, err
		}
		c.CreatedAt, c.SecretMasks = old.CreatedAt, old.SecretMasks
		if old.Platform != c.Platform {
			c.SecretMasks = map[string]string{}
		}
	}
	if err := checkSecretInputs(c, in.Secrets); err != nil {
		return c, err
	}
	cleared := setOf(in.ClearSecrets)
	has := func(key string) bool {
		return strings.TrimSpace(in.Secrets[key]) != "" || (c.SecretMasks[key] != "" && !cleared[key])
	}
	return c, tracker.ValidateConnection(&c, has)
}

// storeSecrets writes new secrets and deletes those the user cleared or
// that no longer apply (a field hidden by the auth mode, or one of a
// platform the connection left), with their masks.
func (s *Services) storeSecrets(c *core.Connection, in core.ConnectionInput) error {
	p, _ := tracker.Lookup(c.Platform)
	cleared := setOf(in.ClearSecrets)
	keep := map[string]bool{}
	for _, f := range p.Fields {
		if !f.Secret() || !f.Visible(c.Settings) {
			continue
		}
		keep[f.Key] = true
		if val := strings.TrimSpace(in.Secrets[f.Key]); val != "" {
			if err := s.Secrets.SetSecret(core.SecretKey(c.ID, f.Key), val); err != nil {
				return err
			}
			c.SecretMasks[f.Key] = core.MaskSecret(val)
		} else if cleared[f.Key] {
			keep[f.Key] = false
		}
	}
	return s.dropSecrets(c, keep)
}

// dropSecrets deletes every stored secret of c that keep does not name,
// including those of every other platform's fields.
func (s *Services) dropSecrets(c *core.Connection, keep map[string]bool) error {
	for _, p := range tracker.Platforms() {
		for _, key := range p.SecretFields() {
			if keep[key] {
				continue
			}
			if err := s.Secrets.DeleteSecret(core.SecretKey(c.ID, key)); err != nil {
				return err
			}
			delete(c.SecretMasks, key)
		}
	}
	return nil
}

func setOf(list []string) map[string]bool {
	m := make(map[string]bool, len(list))
	for _, x := range list {
		m[x] = true
	}
	return m
}

// connectionSecrets reads every secret a connection needs. A missing one is
// an error naming the connection and field: never an empty credential.
func (s *Services) connectionSecrets(c core.Connection, fresh map[string]string) (map[string]string, error) {
	return s.secretsOr(c, fresh, "")
}

// secretsOr is connectionSecrets with a stand-in for a secret that is not
// stored: when missing is not empty it takes the secret's place instead of
// the error, for output that masks every secret anyway.
func (s *Services) secretsOr(c core.Connection, fresh map[string]string, missing string) (map[string]string, error) {
	out := map[string]string{}
	p, _ := tracker.Lookup(c.Platform)
	for _, f := range p.Fields {
		if !f.Secret() || !f.Visible(c.Settings) {
			continue
		}
		if v := strings.TrimSpace(fresh[f.Key]); v != "" {
			out[f.Key] = v
			continue
		}
		v, err := s.Secrets.GetSecret(core.SecretKey(c.ID, f.Key))
		if (core.ErrorCode(err) == core.ENOTFOUND || (err == nil && v == "")) && missing != "" {
			v, err = missing, nil
		}
		if core.ErrorCode(err) == core.ENOTFOUND || (err == nil && v == "") {
			return nil, core.Errorf(core.EINVALID, "Connection %q has no %s stored: edit the connection and enter it.", c.Name, f.Label)
		}
		if err != nil {
			return nil, err
		}
		out[f.Key] = v
	}
	return out, nil
}

// DuplicateConnection copies a connection and its secrets under a new name.
func (s *Services) DuplicateConnection(id uint64) (core.Connection, error) {
	c, err := s.DB.GetConnection(id)
	if err != nil {
		return c, err
	}
	sec, err := s.connectionSecrets(c, nil)
	if err != nil {
		return c, err
	}
	c.ID, c.Name = 0, copyName(c.Name)
	c.CreatedAt = time.Time{}
	return s.SaveConnection(core.ConnectionInput{Connection: c, Secrets: sec})
}

func copyName(name string) string { return withSuffix(name, " (copy)") }

// withSuffix appends suffix to name, first cutting name so the whole fits
// in core.MaxNameLength characters.
func withSuffix(name, suffix string) string {
	r := []rune(name)
	if keep := core.MaxNameLength - len([]rune(suffix)); len(r) > keep {
		r = r[:keep]
	}
	return string(r) + suffix
}

// ConnectionUsage names the templates that use a connection, sorted.
func (s *Services) ConnectionUsage(id uint64) (ConnectionUse, error) {
	tpls, err := s.DB.ListTemplates()
	if err != nil {
		return ConnectionUse{}, err
	}
	use := ConnectionUse{Templates: []string{}}
	for _, t := range tpls {
		if t.ConnectionID == id {
			use.Templates = append(use.Templates, t.Name)
		}
	}
	sort.Strings(use.Templates)
	return use, nil
}

// DeleteConnection deletes a connection and its secrets. Unless force is
// set, it returns ECONFLICT naming the templates that use it.
func (s *Services) DeleteConnection(id uint64, force bool) error {
	c, err := s.DB.GetConnection(id)
	if err != nil {
		return err
	}
	use, err := s.ConnectionUsage(id)
	if err != nil {
		return err
	}
	if len(use.Templates) > 0 && !force {
		return core.Errorf(core.ECONFLICT, "Connection %q is used by %d template(s): %s.", c.Name, len(use.Templates), strings.Join(use.Templates, ", "))
	}
	if err := s.dropSecrets(&c, nil); err != nil {
		return err
	}
	return s.DB.DeleteConnection(id)
}
