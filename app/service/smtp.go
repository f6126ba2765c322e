package service

import (
	"encoding/json"
	"strings"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/engine"
	"github.com/affdesk/affdesk/backend/notify"
)

const (
	keySMTP          = "smtp"
	secretSMTPPasswd = "smtp/password"
)

// SMTPSettings is the email account as the Settings page edits it. The
// password is write-only: PasswordSet says whether one is stored.
type SMTPSettings struct {
	notify.SMTP
	Password     string `json:"password"` // new password; empty keeps the stored one
	PasswordSet  bool   `json:"passwordSet"`
	PasswordMask string `json:"passwordMask"` // bullets and at most the last four characters
}

// SMTPAccount returns the stored account; with secret it includes the
// password from the secret store.
func (s *Services) SMTPAccount(secret bool) (notify.SMTP, error) {
	var acct notify.SMTP
	raw, err := s.DB.Setting(keySMTP)
	if err != nil || raw == "" {
		return acct, err
	}
	if err := json.Unmarshal([]byte(raw), &acct); err != nil {
		return acct, err
	}
	if secret && acct.Username != "" {
		pw, err := s.Secrets.GetSecret(secretSMTPPasswd)
		if err != nil && core.ErrorCode(err) != core.ENOTFOUND {
			return acct, err
		}
		acct.Password = pw
	}
	return acct, nil
}

// SMTPSettings returns the account for the Settings page, without the password.
func (s *Services) SMTPSettings() (SMTPSettings, error) {
	acct, err := s.SMTPAccount(false)
	out := SMTPSettings{SMTP: acct}
	if err == nil && acct.Username != "" {
		pw, perr := s.Secrets.GetSecret(secretSMTPPasswd)
		out.PasswordSet, out.PasswordMask = perr == nil && pw != "", core.MaskSecret(pw)
	}
	return out, err
}

// SaveSMTP validates and stores the account; the password goes to the
// secret store.
func (s *Services) SaveSMTP(in SMTPSettings) error {
	acct := in.SMTP
	acct.Host, acct.From = strings.TrimSpace(acct.Host), strings.TrimSpace(acct.From)
	if acct.Host == DemoMailHost {
		acct = notify.SMTP{Host: DemoMailHost, Port: 25, Security: "none", From: "affdesk@demo.invalid", FromName: "AffDesk"}
	}
	if err := acct.Validate(); err != nil {
		return err
	}
	if pw := strings.TrimSpace(in.Password); pw != "" {
		if err := s.Secrets.SetSecret(secretSMTPPasswd, pw); err != nil {
			return err
		}
	}
	raw, _ := json.Marshal(acct)
	return s.DB.SetSetting(keySMTP, string(raw))
}

// TestSMTP sends a test message to the given address through the stored account.
func (s *Services) TestSMTP(to string) error {
	acct, err := s.SMTPAccount(true)
	if err != nil {
		return err
	}
	if acct.Host == "" {
		return core.Errorf(core.EINVALID, "Save an email account first.")
	}
	ctx, cancel := withTimeout(checkTimeout * 2)
	defer cancel()
	return mailer{s}.Send(ctx, engine.Email{To: []string{strings.TrimSpace(to)}, Subject: "AffDesk test message",
		HTML: "<p>This is a test message from AffDesk. Email steps will be sent through this account.</p>"})
}
