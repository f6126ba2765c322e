package service

import (
	"context"
	"net/http"
	"time"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/engine"
	"github.com/affdesk/affdesk/backend/notify"
	"github.com/affdesk/affdesk/backend/pick"
	"github.com/affdesk/affdesk/backend/request"
	"github.com/affdesk/affdesk/backend/tracker"
)

// caller runs action templates for the engine through the request client.
type caller struct{ s *Services }

func (c caller) Call(ctx context.Context, tpl core.ActionTemplate, values map[string]string, dryRun bool) (engine.Outcome, error) {
	return c.call(ctx, tpl, values, dryRun, nil)
}

// call runs a template; pages, when set, reads a paged list page by page.
func (c caller) call(ctx context.Context, tpl core.ActionTemplate, values map[string]string, dryRun bool, pages request.PageReader) (engine.Outcome, error) {
	target, err := c.s.runTarget(ctx, tpl)
	if err != nil {
		return engine.Outcome{}, err
	}
	tpl, warn := keepSafeToRepeatHonest(tpl)
	call := request.Call{Template: tpl, Target: target, Values: values, DryRun: dryRun, Rules: tracker.RulesFor(tpl.Platform, tpl.Method, tpl.Path), Pages: pages}
	res, err := c.s.Client.Do(ctx, call)
	out := engine.Outcome{Warnings: warn}
	if res != nil {
		out.Records, out.Body = httpRecords(res.Exchanges), res.Body
		out.Warnings = append(out.Warnings, res.Warnings...)
		out.NotSent = dryRun && tpl.IsWrite()
		if err == nil {
			if f := res.Failure(target.ConnectionName); f != nil {
				err = f
			}
		}
	}
	return out, err
}

// keepSafeToRepeatHonest drops "safe to repeat" from a template saved
// before the rule that refuses it on delta parameters, so such a write is
// never resent after an unknown outcome; the warning says why.
func keepSafeToRepeatHonest(tpl core.ActionTemplate) (core.ActionTemplate, []string) {
	if !tpl.Idempotent {
		return tpl, nil
	}
	if err := tracker.CheckSafeToRepeat(tpl); err != nil {
		tpl.Idempotent = false
		return tpl, []string{"Not treated as safe to repeat: " + core.ErrorMessage(err)}
	}
	return tpl, nil
}

// httpRecords turns the client's exchanges into run-log records.
func httpRecords(xs []request.Exchange) []core.HTTPRecord {
	out := make([]core.HTTPRecord, 0, len(xs))
	for _, x := range xs {
		rec := core.HTTPRecord{Kind: "request", Method: x.Request.Method, URL: x.Request.URL, Body: x.Request.Body, NotSent: x.NotSent,
			Status: x.Status, DurationMs: x.DurationMs, Size: x.Size, Attempts: len(x.Attempts), Page: x.Page, Window: x.Window,
			Response: x.Body, Truncated: x.BodyTruncated, Error: x.Error, Outcome: x.Outcome}
		for _, h := range x.Request.Headers {
			rec.Headers = append(rec.Headers, core.Header{Name: h.Name, Value: h.Value})
		}
		out = append(out, rec)
	}
	return out
}

// selector evaluates JSONPaths with ojg, within pick.DefaultLimits.
type selector struct{}

// Select returns the values path selects in a JSON body. EINVALID
// for a bad path, a body that is not JSON or a path that selects too much;
// EUNAVAILABLE when ctx ends or the selection runs out of time.
func (selector) Select(ctx context.Context, body []byte, path string) ([]any, error) {
	x, err := pick.Compile(path)
	if err != nil {
		return nil, err
	}
	doc, err := pick.Parse(body)
	if err != nil {
		return nil, err
	}
	return doc.SelectContext(ctx, x)
}

// SelectAll returns the values each path selects in one JSON body; see
// pick.SelectAll, which reads a list element by element when it can.
func (selector) SelectAll(ctx context.Context, body []byte, paths []string) ([][]any, int, error) {
	return pick.SelectAll(ctx, body, paths)
}

// puller runs Pull Stats steps through the catalogue's stat types.
type puller struct{ s *Services }

func (p puller) Location(cfg core.StatsConfig) (*time.Location, error) {
	tz := cfg.Timezone
	if tz == "" {
		c, err := p.s.DB.GetConnection(cfg.ConnectionID)
		if err != nil {
			return nil, err
		}
		tz = c.Timezone
	}
	loc, err := time.LoadLocation(tz)
	if err != nil {
		return nil, core.FieldError("stats.timezone", "%q is not a timezone.", tz)
	}
	return loc, nil
}

func (p puller) Pull(ctx context.Context, cfg core.StatsConfig, from, to time.Time) (*core.Dataset, engine.Outcome, error) {
	st, ok := tracker.LookupStatType(cfg.StatType)
	if !ok {
		return nil, engine.Outcome{}, core.FieldError("stats.statType", "Unknown stat type %q.", cfg.StatType)
	}
	tpl, values := st.Request(from, to, cfg.Filters)
	tpl.ConnectionID = cfg.ConnectionID
	target, err := p.s.runTarget(ctx, tpl)
	if err != nil {
		return nil, engine.Outcome{}, err
	}
	res, err := p.s.Client.Do(ctx, request.Call{Template: tpl, Target: target, Values: values})
	out := outcomeOf(res)
	if err != nil {
		return nil, out, err
	}
	if f := res.Failure(target.ConnectionName); f != nil {
		return nil, out, f
	}
	ds, err := st.Dataset(res.Body)
	return ds, out, err
}

// outcomeOf gives the run log a result's records and warnings.
func outcomeOf(res *request.Result) engine.Outcome {
	if res == nil {
		return engine.Outcome{}
	}
	return engine.Outcome{Records: httpRecords(res.Exchanges), Warnings: res.Warnings}
}

// mailer sends mail through the account in Settings.
type mailer struct{ s *Services }

func (m mailer) Send(ctx context.Context, e engine.Email) error {
	acct, err := m.s.SMTPAccount(true)
	if err != nil {
		return err
	}
	msg := notify.Message{To: e.To, Cc: e.Cc, Subject: e.Subject, HTML: e.HTML}
	switch acct.Host {
	case "":
		return core.Errorf(core.EINVALID, "No email account is set up: add one in Settings → Email, or use the Demo outbox.")
	case DemoMailHost:
		m.s.outbox.add(msg, m.s.Now().UTC())
		return nil
	}
	if err := acct.Send(ctx, msg); err != nil {
		return maskErr(err, acct.Password)
	}
	return nil
}

// webhooks sends webhooks with a plain client (webhooks are never
// retried). Header values that refer to the secret store are filled in
// just before sending; the record and error come back with every secret
// masked.
type webhooks struct {
	client  *http.Client
	secrets core.SecretStore
}

func (w webhooks) Send(ctx context.Context, h engine.Webhook) (core.HTTPRecord, error) {
	shown := webhookShownHeaders(h.Headers)
	filled, secrets, err := w.fillSecrets(h.Headers)
	if err != nil {
		return core.HTTPRecord{Method: h.Method, URL: h.URL, Headers: shown, NotSent: true, Outcome: core.OutcomeNotSent, Error: core.ErrorMessage(err)}, err
	}
	rec, err := notify.Send(ctx, w.client, notify.Webhook{Method: h.Method, URL: h.URL, Headers: filled, Body: h.Body, ContentType: h.ContentType})
	rec.Headers = shown
	rec.URL, rec.Body = maskSecrets(rec.URL, secrets...), maskSecrets(rec.Body, secrets...)
	rec.Response, rec.Error = maskSecrets(rec.Response, secrets...), maskSecrets(rec.Error, secrets...)
	return rec, maskErr(err, secrets...)
}

// fillSecrets reads each referenced header value from the secret store and
// lists every credential value sent, for masking. A missing secret is an
// error naming the header: the webhook is not sent without it.
func (w webhooks) fillSecrets(hs []core.Header) ([]core.Header, []string, error) {
	out := make([]core.Header, len(hs))
	var secrets []string
	for i, h := range hs {
		out[i] = h
		if key, _, ok := SecretRef(h.Value); ok {
			v, err := w.getSecret(key)
			if err != nil {
				return nil, nil, core.Errorf(core.EINVALID, "The webhook's %s header has no secret stored: edit the step and enter it again.", h.Name)
			}
			out[i].Value = v
		}
		if CredentialHeader(h.Name) && out[i].Value != "" {
			secrets = append(secrets, credentialParts(out[i].Value)...)
		}
	}
	return out, secrets, nil
}

func (w webhooks) getSecret(key string) (string, error) {
	if w.secrets == nil {
		return "", core.Errorf(core.EUNAVAILABLE, "no secret store")
	}
	v, err := w.secrets.GetSecret(key)
	if err == nil && v == "" {
		err = core.Errorf(core.ENOTFOUND, "empty secret")
	}
	return v, err
}

// webhookShownHeaders is what a record shows of a webhook's headers: a
// credential header's value masked (its scheme word kept), a reference
// shown as its mask.
func webhookShownHeaders(hs []core.Header) []core.Header {
	out := make([]core.Header, len(hs))
	for i, h := range hs {
		out[i] = h
		if _, mask, ok := SecretRef(h.Value); ok {
			out[i].Value = mask
		} else if CredentialHeader(h.Name) && h.Value != "" {
			out[i].Value = shownValue(h.Value)
		}
	}
	return out
}
