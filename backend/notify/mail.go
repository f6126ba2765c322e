// Package notify sends what automations notify with: email over SMTP
// (wneessen/go-mail) and webhooks over HTTP.
package notify

import (
	"context"
	"crypto/tls"
	"fmt"
	"strings"
	"time"

	"github.com/affdesk/affdesk/backend/core"
	mail "github.com/wneessen/go-mail"
)

// SMTP is an email account. The password is read from the secret store
// and never kept in settings.
type SMTP struct {
	Host     string `json:"host"`
	Port     int    `json:"port"`
	Security string `json:"security"` // "starttls", "tls" or "none"
	Username string `json:"username"`
	Password string `json:"-"`
	From     string `json:"from"`
	FromName string `json:"fromName"`
}

// Validate checks the account's settings, naming the field.
func (s SMTP) Validate() error {
	switch {
	case strings.TrimSpace(s.Host) == "":
		return core.FieldError("smtp.host", "SMTP host is required, e.g. smtp.example.com.")
	case s.Port <= 0 || s.Port > 65535:
		return core.FieldError("smtp.port", "SMTP port must be between 1 and 65535 (587 for STARTTLS, 465 for TLS).")
	case s.Security != "starttls" && s.Security != "tls" && s.Security != "none":
		return core.FieldError("smtp.security", "Security must be STARTTLS, TLS or none.")
	case !strings.Contains(s.From, "@"):
		return core.FieldError("smtp.from", "From must be an email address.")
	}
	return nil
}

// Message is one email.
type Message struct {
	To, Cc  []string
	Subject string
	HTML    string
}

// Send delivers m through the account. Errors are EUNAVAILABLE with the
// server's reason and never hold the password.
func (s SMTP) Send(ctx context.Context, m Message) error {
	if err := s.Validate(); err != nil {
		return err
	}
	msg := mail.NewMsg()
	if err := msg.FromFormat(s.FromName, s.From); err != nil {
		return core.FieldError("smtp.from", "From %q is not an email address.", s.From)
	}
	if err := msg.To(m.To...); err != nil {
		return core.Errorf(core.EINVALID, "A recipient is not an email address: %v.", err)
	}
	if len(m.Cc) > 0 {
		if err := msg.Cc(m.Cc...); err != nil {
			return core.Errorf(core.EINVALID, "A Cc recipient is not an email address: %v.", err)
		}
	}
	msg.Subject(m.Subject)
	msg.SetBodyString(mail.TypeTextHTML, m.HTML)
	client, err := mail.NewClient(s.Host, s.options()...)
	if err != nil {
		return core.Errorf(core.EINVALID, "SMTP settings: %v.", err)
	}
	if err := client.DialAndSendWithContext(ctx, msg); err != nil {
		return core.Errorf(core.EUNAVAILABLE, "The mail server %s:%d refused or failed: %s", s.Host, s.Port, scrub(err.Error(), s.Password))
	}
	return nil
}

func (s SMTP) options() []mail.Option {
	opts := []mail.Option{mail.WithPort(s.Port), mail.WithTimeout(30 * time.Second), mail.WithTLSConfig(&tls.Config{ServerName: s.Host, MinVersion: tls.VersionTLS12})}
	switch s.Security {
	case "tls":
		opts = append(opts, mail.WithSSL())
	case "starttls":
		opts = append(opts, mail.WithTLSPolicy(mail.TLSMandatory))
	default:
		opts = append(opts, mail.WithTLSPolicy(mail.NoTLS))
	}
	if s.Username != "" {
		// Auto-discovery never offers a password on a plain connection; for
		// "none" PLAIN is asked for outright, which go-mail still refuses
		// toward any host but this machine.
		auth := mail.SMTPAuthAutoDiscover
		if s.Security == "none" {
			auth = mail.SMTPAuthPlain
		}
		opts = append(opts, mail.WithSMTPAuth(auth), mail.WithUsername(s.Username), mail.WithPassword(s.Password))
	}
	return opts
}

func scrub(s, secret string) string {
	if len(secret) >= 3 {
		s = strings.ReplaceAll(s, secret, "••••")
	}
	return s
}

// Describe names the account for logs, without the password.
func (s SMTP) Describe() string {
	return fmt.Sprintf("%s@%s:%d (%s)", s.Username, s.Host, s.Port, s.Security)
}
