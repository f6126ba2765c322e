package app

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/url"
	"strings"

	"github.com/affdesk/affdesk/backend/core"
)

// secretMask replaces a secret in recorded text.
const secretMask = "••••"

// maskSecrets replaces every secret in s, in every encoding a request,
// a tracker's echo or an error may carry it: raw, URL-encoded (query and
// path), JSON-escaped and base64 (standard and URL alphabets). Secrets
// shorter than three characters are left alone (they would mask noise).
func maskSecrets(s string, secrets ...string) string {
	for _, sec := range secrets {
		if len(sec) < 3 {
			continue
		}
		for _, form := range secretForms(sec) {
			if form != "" {
				s = strings.ReplaceAll(s, form, secretMask)
			}
		}
	}
	return s
}

// secretForms lists the encodings of sec, the longest first so a longer
// form is masked before a part of it.
func secretForms(sec string) []string {
	j, _ := json.Marshal(sec)
	return []string{
		base64.StdEncoding.EncodeToString([]byte(sec)),
		base64.URLEncoding.EncodeToString([]byte(sec)),
		base64.RawStdEncoding.EncodeToString([]byte(sec)),
		base64.RawURLEncoding.EncodeToString([]byte(sec)),
		url.QueryEscape(sec), url.PathEscape(sec),
		string(j[1 : len(j)-1]), sec,
	}
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
