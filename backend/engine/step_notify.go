package engine

import (
	"context"
	"html"
	"net/mail"
	"net/url"
	"strings"
	"unicode"

	"github.com/affdesk/affdesk/backend/core"
)

// email sends the step's message; in a dry run it only records it.
func (r *runner) email(ctx context.Context, s core.Step, v vars, res *core.StepResult) error {
	cfg := s.Email
	to, err := addresses(v.substitute(cfg.To), "To")
	if err != nil {
		return err
	}
	cc, err := addresses(v.substitute(cfg.Cc), "Cc")
	if err != nil {
		return err
	}
	m := Email{To: to, Cc: cc, Subject: oneLine(v.substituteShown(cfg.Subject, r.format)), HTML: v.substituteHTML(cfg.HTML, r.format)}
	rec := core.HTTPRecord{Kind: "email", Method: "SMTP", URL: "mailto:" + strings.Join(append(to, cc...), ","),
		Headers: []core.Header{{Name: "Subject", Value: m.Subject}}, Body: emailRecord(ctx, m.HTML), NotSent: r.dry}
	res.Requests = append(res.Requests, rec)
	if r.e.Mailer == nil && !r.dry {
		return core.Errorf(core.EINVALID, "No email account is set up: add one in Settings.")
	}
	w, err := r.begin(ctx, core.WriteEntry{Step: res.Label, Kind: "email", Method: "SMTP", URL: rec.URL, Values: map[string]string{"subject": m.Subject}})
	if err != nil {
		return err
	}
	if r.dry {
		r.end(w, core.OutcomeNotSent, 0, nil, res)
		res.Requests[len(res.Requests)-1].Outcome = core.OutcomeNotSent
		return nil
	}
	err = r.e.Mailer.Send(ctx, m)
	outcome := sendOutcome(0, err)
	r.end(w, outcome, 0, err, res)
	last := &res.Requests[len(res.Requests)-1]
	last.Outcome = outcome
	if err != nil {
		last.Error = core.ErrorMessage(err)
	}
	return unknownErr(outcome, err, r.dry, "The email may or may not have gone")
}

// addresses splits a recipient list (commas, semicolons or new lines) and
// checks each address. A list variable gives one address per item.
func addresses(raw, field string) ([]string, error) {
	var out []string
	for _, a := range strings.FieldsFunc(raw, func(r rune) bool { return r == ',' || r == ';' || r == '\n' }) {
		a = strings.TrimSpace(a)
		if a == "" {
			continue
		}
		if _, err := mail.ParseAddress(a); err != nil {
			return nil, core.FieldError("email."+strings.ToLower(field), "%s: %q is not an email address.", field, a)
		}
		out = append(out, a)
	}
	if field == "To" && len(out) == 0 {
		return nil, core.FieldError("email.to", "The email has no recipient (the To field came out empty).")
	}
	return out, nil
}

// oneLine folds line breaks and runs of spaces into one space, keeping
// no-break spaces (a grouped figure such as 1 234,56 stays whole).
func oneLine(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) && r != '\u00a0' }), " ")
}

// substituteHTML fills an HTML body for people: datasets become tables,
// totals and stats cells are written per their kind in format f, and
// other values are escaped so they cannot change the markup.
func (v vars) substituteHTML(s string, f core.NumberFormat) string {
	return core.Substitute(s, func(name string) (string, bool) {
		x, ok := v.lookup(name)
		if d, isDS := x.(*core.Dataset); isDS {
			return htmlTable(d, f), true
		}
		return html.EscapeString(shown(x, f)), ok
	})
}

// substituteShown fills a text field people read (an email's subject):
// totals and stats cells are written per their kind in format f.
func (v vars) substituteShown(s string, f core.NumberFormat) string {
	return core.Substitute(s, func(name string) (string, bool) {
		x, ok := v.lookup(name)
		if d, isDS := x.(*core.Dataset); isDS {
			return htmlTable(d, f), ok
		}
		return shown(x, f), ok
	})
}

// shown writes a value for people: a Quantity (a total, a stats cell) by
// its kind in format f, anything else as its exact text.
func shown(x any, f core.NumberFormat) string {
	if q, ok := x.(core.Quantity); ok {
		return f.Show(q, q.Kind)
	}
	return text(x)
}

// webhook sends the step's request, journaled before and after; in a dry
// run it only records it. When an answer came, its status decides the
// outcome (sendOutcome), whatever the sender said: a gateway's 502 or
// 504 is unknown, never sent.
func (r *runner) webhook(ctx context.Context, s core.Step, v vars, res *core.StepResult) error {
	h, err := v.buildWebhook(*s.Webhook)
	if err != nil {
		return err
	}
	w, err := r.begin(ctx, core.WriteEntry{Step: res.Label, Kind: "webhook", Method: h.Method, URL: h.URL, Values: map[string]string{"body": preview(string(h.Body))}})
	if err != nil {
		return err
	}
	if r.dry {
		r.end(w, core.OutcomeNotSent, 0, nil, res)
		res.Requests = append(res.Requests, core.HTTPRecord{Kind: "webhook", Method: h.Method, URL: h.URL, Headers: h.Headers, Body: preview(string(h.Body)), NotSent: true, Outcome: core.OutcomeNotSent})
		return nil
	}
	rec, err := r.e.Webhooks.Send(ctx, h)
	rec.Kind = "webhook"
	if err == nil && rec.Status != 0 && (rec.Status < 200 || rec.Status > 299) {
		err = core.Errorf(core.EUNAVAILABLE, "The webhook answered HTTP %d.", rec.Status)
	}
	if rec.Outcome == "" || rec.Status != 0 {
		rec.Outcome = sendOutcome(rec.Status, err)
	}
	r.end(w, rec.Outcome, rec.Status, err, res)
	res.Requests = append(res.Requests, rec)
	return unknownErr(rec.Outcome, err, r.dry, "The webhook may or may not have been delivered")
}

func (v vars) buildWebhook(cfg core.WebhookConfig) (Webhook, error) {
	w := Webhook{Method: cfg.Method}
	if w.Method == "" {
		w.Method = "POST"
	}
	var err error
	if w.URL, err = v.webhookURL(cfg.URL); err != nil {
		return w, err
	}
	u, err := url.Parse(w.URL)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return w, core.FieldError("webhook.url", "The webhook URL %q is not an http(s) address.", w.URL)
	}
	for _, h := range cfg.Headers {
		val := v.substitute(h.Value)
		if strings.ContainsAny(val, "\r\n") || strings.ContainsAny(h.Name, "\r\n: ") {
			return w, core.FieldError("webhook.headers", "Header %q must be one line.", h.Name)
		}
		w.Headers = append(w.Headers, core.Header{Name: h.Name, Value: val})
	}
	switch cfg.BodyKind {
	case "json":
		w.Body, err = v.jsonBody(cfg.Body)
		w.ContentType = "application/json"
	case "form":
		w.Body, err = v.formBody(cfg.Body)
		w.ContentType = "application/x-www-form-urlencoded"
	default:
		w.Body, w.ContentType = []byte(v.substitute(cfg.Body)), "text/plain; charset=utf-8"
	}
	return w, err
}

// formBody fills a form template (key=value&…) value by value, encoded.
func (v vars) formBody(tmpl string) ([]byte, error) {
	q, err := url.ParseQuery(strings.ReplaceAll(strings.TrimSpace(tmpl), "\n", "&"))
	if err != nil {
		return nil, core.FieldError("webhook.body", "The form body is not key=value pairs: %v.", err)
	}
	out := url.Values{}
	for k, vals := range q {
		for _, x := range vals {
			out.Add(k, v.substitute(x))
		}
	}
	return []byte(out.Encode()), nil
}
