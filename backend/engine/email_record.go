package engine

import (
	"context"

	"github.com/affdesk/affdesk/backend/core"
)

// MaxEmailRecord is how much of an email's HTML a run keeps when the email
// is sent once per run (outside a For Each), so Runs & Logs can show the
// message as its recipients read it; a weekly table of a few hundred rows
// fits. Inside a loop an email is kept as any value is (preview).
const MaxEmailRecord = 64 << 10

// emailRecord is the HTML a run keeps of an email it sent or held back.
func emailRecord(ctx context.Context, html string) string {
	if i, _ := itemOf(ctx); i != 0 {
		return preview(html)
	}
	if kept, cut := core.CutUTF8(html, MaxEmailRecord); cut {
		return kept + "…"
	}
	return html
}
