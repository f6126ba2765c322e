package service_test

import (
	"github.com/affdesk/affdesk/app/service"
	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/notify"
)

// exampleValues fills each parameter with its sample value, or the first
// allowed value of a required enum.
func exampleValues(t core.ActionTemplate) map[string]string {
	out := map[string]string{}
	for _, p := range t.Params {
		switch {
		case p.Example != "":
			out[p.Name] = p.Example
		case p.Required && p.Default == "" && p.Type == core.TypeEnum:
			out[p.Name] = p.Enum[0]
		}
	}
	return out
}

func notifyDemo() notify.SMTP { return notify.SMTP{Host: service.DemoMailHost} }

func notifySMTP() notify.SMTP {
	return notify.SMTP{Host: "smtp.example.com", Port: 587, Security: "starttls", Username: "bot@example.com", From: "bot@example.com"}
}
