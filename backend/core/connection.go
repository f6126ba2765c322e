package core

import (
	"strings"
	"time"
)

// Connection is a tracker account. Secrets (API keys, tokens, passwords) are
// never held here: they live in a SecretStore, and SecretMasks keeps only a
// masked hint (the last four characters at most) for display.
type Connection struct {
	ID          uint64            `json:"id"`
	Name        string            `json:"name"`
	Platform    Platform          `json:"platform"`
	Settings    map[string]string `json:"settings"`    // non-secret fields, by catalogue key
	SecretMasks map[string]string `json:"secretMasks"` // secret field key -> masked hint
	Timezone    string            `json:"timezone"`    // IANA name used for reporting dates
	RateLimit   RateLimit         `json:"rateLimit"`
	Timeouts    Timeouts          `json:"timeouts"`
	CreatedAt   time.Time         `json:"createdAt"`
	UpdatedAt   time.Time         `json:"updatedAt"`
}

// RateLimit caps how many requests AffDesk sends on a connection. A zero
// Requests means "no limit set by the user" (the platform's default
// applies); Off says the user turned limiting off on purpose.
type RateLimit struct {
	Requests int    `json:"requests"`
	Per      string `json:"per"` // "second", "minute" or "hour"
	Off      bool   `json:"off,omitempty"`
}

// Timeouts bound a connection's requests; zero means the default.
type Timeouts struct {
	ConnectSeconds int `json:"connectSeconds"` // TCP and TLS connect; default 10
	TotalSeconds   int `json:"totalSeconds"`   // one whole attempt; default 60
}

// Validate checks both timeouts are 0 (default) or 1 to 600 seconds,
// reporting each one out of range.
func (t Timeouts) Validate() error {
	var es Errors
	if t.ConnectSeconds < 0 || t.ConnectSeconds > 600 {
		es = append(es, FieldError("timeouts.connectSeconds", "Connect timeout must be between 1 and 600 seconds (empty for 10)."))
	}
	if t.TotalSeconds < 0 || t.TotalSeconds > 600 {
		es = append(es, FieldError("timeouts.totalSeconds", "Request timeout must be between 1 and 600 seconds (empty for 60)."))
	}
	return es.Err()
}

// ConnectionInput is what the editor sends to save a connection. A secret
// left empty keeps the stored one; ClearSecrets names secrets to delete.
type ConnectionInput struct {
	Connection
	Secrets      map[string]string `json:"secrets"`
	ClearSecrets []string          `json:"clearSecrets"`
}

// Validate checks the fields every platform shares and reports every one
// that breaks a rule (an Errors when there are several). Platform-specific
// fields are checked by the tracker catalogue.
func (c *Connection) Validate() error {
	c.Name = strings.TrimSpace(c.Name)
	return Collect(
		func() error { return validateName(c.Name) },
		c.validatePlatform,
		func() error { return validateTimezone(c.Timezone) },
		c.RateLimit.Validate,
		c.Timeouts.Validate,
	)
}

func (c *Connection) validatePlatform() error {
	if !c.Platform.Valid() {
		return FieldError("platform", "Unknown platform %q.", c.Platform)
	}
	return nil
}

func validateTimezone(tz string) error {
	if tz == "" {
		return FieldError("timezone", "Timezone is required (an IANA name such as Europe/Berlin or UTC).")
	}
	return ValidTimezone("timezone", tz)
}

// Validate checks that a set rate limit is positive with a known period.
func (r RateLimit) Validate() error {
	if r.Off || (r.Requests == 0 && r.Per == "") {
		return nil
	}
	if r.Requests <= 0 {
		return FieldError("rateLimit.requests", "Rate limit must be a positive number of requests.")
	}
	switch r.Per {
	case "second", "minute", "hour":
		return nil
	}
	return FieldError("rateLimit.per", "Rate limit period must be second, minute or hour.")
}

// MaskSecret returns a display hint for a secret: bullets and its last four
// characters, or bullets alone when the secret is short enough that four
// characters would give away too much.
func MaskSecret(secret string) string {
	if secret == "" {
		return ""
	}
	r := []rune(secret)
	if len(r) < 12 {
		return "••••"
	}
	return "••••" + string(r[len(r)-4:])
}
