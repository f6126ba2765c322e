package service

import (
	"sync"
	"time"

	"github.com/affdesk/affdesk/backend/notify"
)

// DemoMailHost is the email account host that keeps messages in the Demo
// outbox instead of sending them: for trying email steps with nothing
// leaving the machine.
const DemoMailHost = "demo"

// OutboxMessage is an email kept by the Demo outbox.
type OutboxMessage struct {
	At      time.Time `json:"at"`
	To      []string  `json:"to"`
	Cc      []string  `json:"cc"`
	Subject string    `json:"subject"`
	HTML    string    `json:"html"`
}

// outbox keeps the last messages "sent" through the Demo account.
type outbox struct {
	mu   sync.Mutex
	msgs []OutboxMessage
}

const outboxSize = 50

func (o *outbox) add(m notify.Message, at time.Time) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.msgs = append([]OutboxMessage{{At: at, To: m.To, Cc: m.Cc, Subject: m.Subject, HTML: m.HTML}}, o.msgs...)
	if len(o.msgs) > outboxSize {
		o.msgs = o.msgs[:outboxSize]
	}
}

func (o *outbox) list() []OutboxMessage {
	o.mu.Lock()
	defer o.mu.Unlock()
	return append([]OutboxMessage{}, o.msgs...)
}

// Outbox returns the messages the Demo account kept, newest first.
func (s *Services) Outbox() []OutboxMessage { return s.outbox.list() }
