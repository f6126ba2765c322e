package tracker

import (
	"net/url"
	"strings"

	"github.com/affdesk/affdesk/backend/core"
)

// SettingSkipTLS is the setting that, when "true", turns off TLS
// certificate checks on a connection's requests.
const SettingSkipTLS = "skip_tls_verify"

// ValidateConnection is the one check of a connection, whichever door it
// comes through (the editor, an import): the fields every platform shares
// (core.Connection.Validate), then the platform's settings, normalised
// (defaults filled in, URLs without a trailing '/', settings the platform
// does not know and any secret put among the settings dropped). A value
// the user typed is never rewritten into another: an address without
// https:// is refused, not completed.
// hasSecret reports whether a secret field has a value, new or stored.
// Every field in error is reported (a core.Errors when there are several),
// each naming its field ("settings.base_url", "secrets.api_key").
func ValidateConnection(c *core.Connection, hasSecret func(key string) bool) error {
	return core.Collect(c.Validate, func() error { return validateSettings(c, hasSecret) })
}

// validateSettings checks and normalises the platform's own fields.
func validateSettings(c *core.Connection, hasSecret func(key string) bool) error {
	p, ok := Lookup(c.Platform)
	if !ok {
		return core.FieldError("platform", "Unknown platform %q.", c.Platform)
	}
	if c.Settings == nil {
		c.Settings = map[string]string{}
	}
	checks := []func() error{func() error { return dropUnknownSettings(p, c.Settings) }}
	for _, f := range p.Fields {
		checks = append(checks, func() error { return validateField(f, c.Settings, hasSecret) })
	}
	return core.Collect(checks...)
}

func validateField(f Field, settings map[string]string, hasSecret func(string) bool) error {
	if !f.Visible(settings) {
		delete(settings, f.Key)
		return nil
	}
	if f.Secret() {
		if f.Required && !hasSecret(f.Key) {
			return core.FieldError("secrets."+f.Key, "%s is required.", f.Label)
		}
		return nil
	}
	field := "settings." + f.Key
	v := strings.TrimSpace(settings[f.Key])
	if v == "" {
		v = f.Default
	}
	settings[f.Key] = v
	switch {
	case v == "" && f.Required:
		return core.FieldError(field, "%s is required.", f.Label)
	case v == "":
		return nil
	case f.Kind == FieldURL:
		norm, err := normalizeURL(f, v)
		settings[f.Key] = norm
		return err
	case f.Kind == FieldSelect && !hasOption(f.Options, v):
		return core.FieldError(field, "%s must be one of the listed choices.", f.Label)
	case strings.ContainsAny(v, "\r\n"):
		return core.FieldError(field, "%s must be on one line.", f.Label)
	}
	return nil
}

func hasOption(opts []Option, v string) bool {
	for _, o := range opts {
		if o.Value == v {
			return true
		}
	}
	return false
}

// normalizeURL checks a URL field and returns it without a trailing '/'.
// Anything but a whole http(s) address is refused as typed.
func normalizeURL(f Field, raw string) (string, error) {
	field := "settings." + f.Key
	if !strings.Contains(raw, "://") {
		return raw, core.FieldError(field, "%s %q is not a web address: it must start with https:// (or http://), e.g. https://api.example.com.", f.Label, raw)
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || strings.ContainsAny(raw, " \t") {
		return raw, core.FieldError(field, "%s %q is not a web address such as https://api.example.com.", f.Label, raw)
	}
	if u.Scheme != "https" && u.Scheme != "http" {
		return raw, core.FieldError(field, "%s must start with https:// (or http://).", f.Label)
	}
	if u.User != nil {
		return raw, core.FieldError(field, "%s must not hold a user or password: use the credential fields.", f.Label)
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return raw, core.FieldError(field, "%s must not have a query (?…) or fragment (#…).", f.Label)
	}
	path := strings.TrimRight(u.Path, "/")
	if f.RootOnly && path != "" {
		return raw, core.FieldError(field, "%s must be the root domain only (%s://%s), without %q.", f.Label, u.Scheme, u.Host, path)
	}
	return u.Scheme + "://" + u.Host + path, nil
}

// dropUnknownSettings deletes settings that are not the platform's
// non-secret fields, and checks the TLS switch is "true" or off.
func dropUnknownSettings(p Platform, settings map[string]string) error {
	known := map[string]bool{}
	for _, f := range p.Fields {
		known[f.Key] = !f.Secret()
	}
	for k, v := range settings {
		switch {
		case k == SettingSkipTLS && v == "true" && !SkipTLSAllowed(p.ID):
			return core.FieldError("settings."+k, "Only Binom and Custom REST connections (self-hosted trackers) may skip TLS certificate checks.")
		case k == SettingSkipTLS && v == "true":
		case k == SettingSkipTLS && v != "" && v != "false":
			return core.FieldError("settings."+k, "Skip TLS checks must be true or false.")
		case !known[k]:
			delete(settings, k)
		}
	}
	return nil
}

// skipTLSPlatforms are the platforms whose editor offers skipping TLS
// checks (self-hosted trackers).
var skipTLSPlatforms = map[core.Platform]bool{core.PlatformBinom: true, core.PlatformCustom: true}

// SkipTLSAllowed reports whether a platform's connections may skip TLS
// certificate checks: only where the editor shows the option.
func SkipTLSAllowed(p core.Platform) bool { return skipTLSPlatforms[p] }

// SkipsTLS reports whether a connection turns off TLS certificate checks.
func SkipsTLS(c core.Connection) bool { return c.Settings[SettingSkipTLS] == "true" }

// ValidateTemplate is the one check of a template, whichever door it comes
// through: its own rules (core.ActionTemplate.Validate) and that its
// connection c can speak its dialect. An empty dialect takes the
// connection's platform (a Demo connection has no dialect of its own).
// "Safe to repeat" is refused on a template with known delta parameters.
func ValidateTemplate(t *core.ActionTemplate, c core.Connection) error {
	if t.Platform == "" && c.Platform != core.PlatformDemo {
		t.Platform = c.Platform
	}
	return core.Collect(t.Validate,
		func() error { return CheckSafeToRepeat(*t) },
		func() error { return CheckDialect(c, t.Platform) })
}
