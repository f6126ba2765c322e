package request

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/affdesk/affdesk/backend/core"
)

// DefaultBodyKeep is how much of each response body a record keeps.
const DefaultBodyKeep = 256 << 10

// Client sends template calls the safe way: tracker rules first, then the
// connection's rate limit, retries with backoff where the method allows,
// every page of a paginated list, and date windows for a range too long
// for the tracker, all recorded with secrets masked.
type Client struct {
	Limiters  *Limiters
	Now       func() time.Time
	Sleep     func(context.Context, time.Duration) error
	UserAgent string
	MaxBody   int64 // response size cap; DefaultMaxBody when 0
	BodyKeep  int   // bytes of each body kept in records; DefaultBodyKeep when 0
}

// Call is one use of a template.
type Call struct {
	Template core.ActionTemplate
	Target   core.Target
	Values   map[string]string
	Rules    []core.Rule // the tracker's documented rules for this endpoint
	DryRun   bool        // build and record a write, but do not send it
	// Pages, when set on a paged read that is not split into date
	// windows, takes each page as it arrives instead of the client
	// merging them: the records are not kept, and the result's Body is
	// the first page's envelope with the counts of every page.
	Pages PageReader

	mask *Masker // the target's masker, made once per Do (see masker)
	// buf is the body buffer that the pages of a call with Pages share
	// (see Sender.Buf): each page is done with before the next is read.
	buf *[]byte
}

// masker returns the masker of the call's target: the one Do made for the
// whole call, or a new one for a call used outside Do. A masker lists every
// encoded form of every secret, so it is made once, not per request.
func (c Call) masker() Masker {
	if c.mask != nil {
		return *c.mask
	}
	return NewMasker(c.Target)
}

// Exchange is one request sent (with its retries) and what came back,
// masked and ready for a run log.
type Exchange struct {
	Request       Record    `json:"request"`
	Attempts      []Attempt `json:"attempts"`
	Status        int       `json:"status"`
	DurationMs    int64     `json:"durationMs"`
	Size          int64     `json:"size"`
	Body          string    `json:"body"`
	BodyTruncated bool      `json:"bodyTruncated"`
	Page          int       `json:"page"`   // 1-based page within its window
	Window        int       `json:"window"` // 1-based date window; 0 when the range was not split
	Error         string    `json:"error,omitempty"`
	NotSent       bool      `json:"notSent,omitempty"` // a dry run held this write back
	// Outcome is set on every write: core.OutcomeSent (an answer came),
	// core.OutcomeNotSent (provably never applied) or core.OutcomeUnknown
	// (written, but no answer proves whether it was applied).
	Outcome string `json:"outcome,omitempty"`
}

// Result is a whole call: every exchange, and the final body, merged
// across pages and windows.
type Result struct {
	Exchanges    []Exchange
	Status       int
	StatusText   string
	Header       http.Header
	Body         []byte
	Pages        int
	Windows      int
	Warnings     []string
	TrackerError string // the tracker's own error words, when it reported one
	DurationMs   int64
}

// Failure returns the result's error for the user, or nil when the
// tracker reported none.
func (r *Result) Failure(connection string) *core.Error {
	if r.TrackerError == "" {
		return nil
	}
	return Failure(connection, r.Status, r.TrackerError)
}

// PageReader reads one page of a paged list for the caller (making its
// selections, say) and returns the page's envelope (the page decoded,
// with an empty list where its records were) and how many records it
// held, from which the client finds the next page.
type PageReader func(page []byte) (envelope any, records int, err error)

func (c *Client) maxBody() int64 {
	if c.MaxBody > 0 {
		return c.MaxBody
	}
	return DefaultMaxBody
}

func (c *Client) now() time.Time {
	if c.Now == nil {
		return time.Now()
	}
	return c.Now()
}

func (c *Client) sleep(ctx context.Context, d time.Duration) error {
	if c.Sleep == nil {
		return Sleep(ctx, d)
	}
	return c.Sleep(ctx, d)
}

// Do runs a call. In a dry run a write (any method but GET) is built,
// checked and recorded as not sent; reads are sent for real. Invalid
// input or a broken tracker rule is an EINVALID error, with a nil result,
// before anything is sent; so is a URL that leaves the connection's host.
// A write whose outcome is unknown (sent, then a timeout, a dropped
// connection, a 502 or a 504) is never resent unless its template is
// marked safe to repeat: it is an EUNKNOWN error, returned with the
// partial result. A transport failure that outlived its retries is an
// EUNAVAILABLE error, returned with the partial result. A tracker's
// refusal (HTTP 4xx/5xx or an error envelope) is not a Go error: the
// result carries it in TrackerError, and Failure words it (EUNAUTHORIZED
// for a refused key). Every text of the result has the target's secrets
// masked. Waits for rate limits and retries are bounded by ctx's
// WaitBudget (a DefaultWaitBudget when ctx carries none); passing it is
// EUNAVAILABLE.
func (c *Client) Do(ctx context.Context, call Call) (*Result, error) {
	mask := NewMasker(call.Target)
	call.mask = &mask
	ctx = ensureWaitBudget(ctx)
	start := c.now()
	res := &Result{}
	if w := PlainHTTPWarning(call.Target); w != "" {
		res.Warnings = append(res.Warnings, w)
	}
	windows, err := c.plan(call)
	if err != nil {
		return nil, err
	}
	firsts := make([]*Built, len(windows))
	for i, values := range windows {
		if firsts[i], err = Build(call.Template, call.Target, values, c.UserAgent); err != nil {
			return nil, err
		}
	}
	if call.DryRun && call.Template.IsWrite() {
		for _, b := range firsts {
			res.Exchanges = append(res.Exchanges, Exchange{Request: call.masker().Record(b), NotSent: true, Outcome: core.OutcomeNotSent})
		}
		return res, nil
	}
	if len(windows) > 1 {
		call.Pages = nil
	}
	m := newMerger(call.Template.Pagination, len(windows) > 1 || call.Template.Pagination.Enabled(), len(windows) > 1)
	m.cap = c.maxBody()
	for i, values := range windows {
		w := 0
		if len(windows) > 1 {
			w = i + 1
		}
		m.nextWindow()
		if err := c.runPages(ctx, call, firsts[i], values, w, res, m); err != nil || res.TrackerError != "" {
			res.DurationMs = c.now().Sub(start).Milliseconds()
			return res, err
		}
	}
	if len(windows) > 1 {
		res.Windows = len(windows)
	}
	body, err := m.result()
	if err != nil {
		return res, err
	}
	res.Body = body
	res.DurationMs = c.now().Sub(start).Milliseconds()
	return res, nil
}

// MaxWindows caps the requests one split call may send (every
// combination of the windows of each long date range).
const MaxWindows = 200

// plan checks the tracker's rules and returns the values of each request
// to send: one set, or, when the template splits long ranges, one per
// combination of date windows of every range longer than the tracker
// allows (impact.com's action dates and locking dates may both be).
func (c *Client) plan(call Call) ([]map[string]string, error) {
	values := effectiveValues(call.Template, call.Values)
	spans := core.BrokenSpans(call.Rules, values)
	if len(spans) == 0 || !call.Template.SplitRanges || !allSplittable(spans) {
		return []map[string]string{call.Values}, core.CheckRules(call.Rules, values, c.now())
	}
	if call.Template.Pagination.ItemsKey == "" {
		return nil, core.FieldError("pagination.itemsKey", "Splitting a date range needs the field that holds the list (Pagination → items field), to merge the windows.")
	}
	rest := call.Rules
	for _, span := range spans {
		rest = without(rest, span)
	}
	if err := core.CheckRules(rest, values, c.now()); err != nil {
		return nil, err
	}
	sets := []map[string]string{call.Values}
	for _, span := range spans {
		var err error
		if sets, err = splitValues(sets, values, span); err != nil {
			return nil, err
		}
	}
	if len(sets) > MaxWindows {
		return nil, core.FieldError("values."+spans[0].Params[0], "These date ranges need %d requests, more than %d: narrow them.", len(sets), MaxWindows)
	}
	return sets, nil
}

func allSplittable(spans []core.Rule) bool {
	for _, s := range spans {
		if !s.Splittable() {
			return false
		}
	}
	return true
}

// effectiveValues applies parameter defaults, as Build does.
func effectiveValues(t core.ActionTemplate, values map[string]string) map[string]string {
	out := map[string]string{}
	for _, p := range t.Params {
		if v := values[p.Name]; v != "" {
			out[p.Name] = v
		} else if p.Default != "" {
			out[p.Name] = p.Default
		}
	}
	return out
}

func without(rules []core.Rule, drop core.Rule) []core.Rule {
	var out []core.Rule
	for _, r := range rules {
		if r.Kind != drop.Kind || fmt.Sprint(r.Params) != fmt.Sprint(drop.Params) {
			out = append(out, r)
		}
	}
	return out
}

// splitValues replaces each set of values by one set per window of
// span's range; windows share their boundaries (see core.SplitWindows).
func splitValues(sets []map[string]string, eff map[string]string, span core.Rule) ([]map[string]string, error) {
	fromKey, toKey := span.Params[0], span.Params[1]
	from, err1 := parseAny(eff[fromKey])
	to, err2 := parseAny(eff[toKey])
	if err1 != nil || err2 != nil {
		return nil, core.FieldError("values."+fromKey, "%s", span.Message)
	}
	windows, err := core.SplitWindows(from, to, span.Days)
	if err != nil {
		return nil, core.FieldError("values."+fromKey, "%s", err.Error())
	}
	out := make([]map[string]string, 0, len(sets)*len(windows))
	for _, raw := range sets {
		for _, w := range windows {
			v := map[string]string{}
			for k, x := range raw {
				v[k] = x
			}
			v[fromKey], v[toKey] = core.FormatLike(w.From, eff[fromKey]), core.FormatLike(w.To, eff[toKey])
			out = append(out, v)
		}
	}
	return out, nil
}

func parseAny(s string) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	return time.Parse("2006-01-02", s)
}
