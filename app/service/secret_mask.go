package service

import (
	"encoding/base64"
	"errors"
	"strings"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/request"
)

// secretMask replaces a secret in recorded text.
const secretMask = request.Mask

// maskSecrets replaces every secret in s, in every form the request
// masker knows (request.MaskSecrets).
func maskSecrets(s string, secrets ...string) string {
	return request.MaskSecrets(s, secrets...)
}

// maskErr returns err with every secret masked in its text, keeping its
// code and field.
func maskErr(err error, secrets ...string) error {
	if err == nil {
		return nil
	}
	var e *core.Error
	if errors.As(err, &e) {
		c := *e
		c.Message = maskSecrets(e.Message, secrets...)
		return &c
	}
	return errors.New(maskSecrets(err.Error(), secrets...))
}

// credentialParts lists the secrets a credential header value holds: the
// value, for a "Scheme value" form (Bearer, Basic) the value after the
// scheme, and for Basic the decoded "user:password" and the password, so
// none of them shows in any encoding.
func credentialParts(v string) []string {
	out := []string{v}
	scheme, rest, ok := strings.Cut(strings.TrimSpace(v), " ")
	rest = strings.TrimSpace(rest)
	if !ok || rest == "" {
		return out
	}
	out = append(out, rest)
	if !strings.EqualFold(scheme, "Basic") {
		return out
	}
	raw, err := base64.StdEncoding.DecodeString(rest)
	if err != nil {
		return out
	}
	out = append(out, string(raw))
	if _, pass, ok := strings.Cut(string(raw), ":"); ok && pass != "" {
		out = append(out, pass)
	}
	return out
}
