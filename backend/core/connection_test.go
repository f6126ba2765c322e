package core_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/affdesk/affdesk/backend/core"
)

func TestConnectionValidate(t *testing.T) {
	tests := []struct {
		name      string
		change    func(*core.Connection)
		wantField string
	}{
		{"valid", func(*core.Connection) {}, ""},
		{"blank name", func(c *core.Connection) { c.Name = " " }, "name"},
		{"long name", func(c *core.Connection) { c.Name = strings.Repeat("x", 201) }, "name"},
		{"200 characters", func(c *core.Connection) { c.Name = strings.Repeat("é", 200) }, ""},
		{"platform", func(c *core.Connection) { c.Platform = "voluum" }, "platform"},
		{"no timezone", func(c *core.Connection) { c.Timezone = "" }, "timezone"},
		{"bad timezone", func(c *core.Connection) { c.Timezone = "Mars/Olympus" }, "timezone"},
		{"Local is not IANA", func(c *core.Connection) { c.Timezone = "Local" }, "timezone"},
		{"rate without period", func(c *core.Connection) { c.RateLimit = core.RateLimit{Requests: 5} }, "rateLimit.per"},
		{"negative rate", func(c *core.Connection) { c.RateLimit = core.RateLimit{Requests: -1, Per: "second"} }, "rateLimit.requests"},
		{"rate ok", func(c *core.Connection) { c.RateLimit = core.RateLimit{Requests: 30, Per: "second"} }, ""},
		{"rate off", func(c *core.Connection) { c.RateLimit = core.RateLimit{Off: true} }, ""},
		{"connect timeout", func(c *core.Connection) { c.Timeouts.ConnectSeconds = 601 }, "timeouts.connectSeconds"},
		{"total timeout", func(c *core.Connection) { c.Timeouts.TotalSeconds = -1 }, "timeouts.totalSeconds"},
		{"timeouts ok", func(c *core.Connection) { c.Timeouts = core.Timeouts{ConnectSeconds: 5, TotalSeconds: 120} }, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := core.Connection{Name: "Acme", Platform: core.PlatformAffiseAdmin, Timezone: "Europe/Berlin"}
			tt.change(&c)
			err := c.Validate()
			if got := core.ErrorField(err); got != tt.wantField || (tt.wantField == "") != (err == nil) {
				t.Fatalf("field = %q (%v), want %q", got, err, tt.wantField)
			}
		})
	}
}

func TestMaskSecret(t *testing.T) {
	tests := map[string]string{"": "", "short": "••••", "abcdefghijk": "••••", "abcdefghijkl": "••••ijkl", "tokén-1234567890": "••••7890"}
	for in, want := range tests {
		if got := core.MaskSecret(in); got != want {
			t.Errorf("MaskSecret(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestErrorHelpers(t *testing.T) {
	field := fmt.Errorf("save: %w", core.FieldError("path", "Bad %s.", "path"))
	if core.ErrorCode(field) != core.EINVALID || core.ErrorField(field) != "path" || core.ErrorMessage(field) != "Bad path." || field.Error() != "save: path: Bad path." {
		t.Errorf("field error: %q %q %q", core.ErrorCode(field), core.ErrorField(field), core.ErrorMessage(field))
	}
	plain := errors.New("disk on fire: /secret/path")
	if core.ErrorCode(plain) != core.EINTERNAL || core.ErrorMessage(plain) != "Internal error." {
		t.Errorf("plain error leaks: %q", core.ErrorMessage(plain))
	}
	if core.ErrorCode(nil) != "" || core.ErrorMessage(nil) != "" {
		t.Error("nil error has a code or message")
	}
	if got := core.SecretKey(42, "api_key"); got != "connection/42/api_key" {
		t.Errorf("SecretKey = %q", got)
	}
}
