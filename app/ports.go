package app

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
	target, err := c.s.templateTarget(tpl)
	if err != nil {
		return engine.Outcome{}, err
	}
	call := request.Call{Template: tpl, Target: target, Values: values, DryRun: dryRun, Rules: tracker.RulesFor(tpl.Platform, tpl.Method, tpl.Path)}
	res, err := c.s.Client.Do(ctx, call)
	out := engine.Outcome{}
	if res != nil {
		out.Records, out.Body = httpRecords(res.Exchanges), res.Body
		out.NotSent = dryRun && tpl.IsWrite()
		if err == nil {
			if f := res.Failure(target.ConnectionName); f != nil {
				err = f
			}
		}
	}
	return out, err
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

func (p puller) Pull(ctx context.Context, cfg core.StatsConfig, from, to time.Time) (*core.Dataset, []core.HTTPRecord, error) {
	st, ok := tracker.LookupStatType(cfg.StatType)
	if !ok {
		return nil, nil, core.FieldError("stats.statType", "Unknown stat type %q.", cfg.StatType)
	}
	tpl, values := st.Request(from, to, cfg.Filters)
	tpl.ConnectionID = cfg.ConnectionID
	target, err := p.s.templateTarget(tpl)
	if err != nil {
		return nil, nil, err
	}
	res, err := p.s.Client.Do(ctx, request.Call{Template: tpl, Target: target, Values: values})
	if err != nil {
		return nil, recordsOf(res), err
	}
	if f := res.Failure(target.ConnectionName); f != nil {
		return nil, httpRecords(res.Exchanges), f
	}
	ds, err := st.Dataset(res.Body)
	return ds, httpRecords(res.Exchanges), err
}

func recordsOf(res *request.Result) []core.HTTPRecord {
	if res == nil {
		return nil
	}
	return httpRecords(res.Exchanges)
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
	return acct.Send(ctx, msg)
}

// webhooks sends webhooks with a plain client (webhooks are never retried).
type webhooks struct{ client *http.Client }

func (w webhooks) Send(ctx context.Context, h engine.Webhook) (core.HTTPRecord, error) {
	return notify.Send(ctx, w.client, notify.Webhook{Method: h.Method, URL: h.URL, Headers: h.Headers, Body: h.Body, ContentType: h.ContentType})
}
