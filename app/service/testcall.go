package service

import (
	"encoding/json"
	"mime"
	"strings"
	"time"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/pick"
	"github.com/affdesk/affdesk/backend/request"
	"github.com/affdesk/affdesk/backend/tracker"
)

// maxTextPreview is how much of a non-JSON body the view receives.
const maxTextPreview = 64 << 10

// TestInput is a Test button press: the template as it stands in the
// editor (saved or not), the values typed into the form, and whether the
// user confirmed a write.
type TestInput struct {
	Template  core.ActionTemplate `json:"template"`
	Values    map[string]string   `json:"values"`
	Confirmed bool                `json:"confirmed"`
}

// TestResult is what the Test panel shows. Large bodies stay in Go: the
// view gets the root node and pages children with ResponseID.
type TestResult struct {
	ResponseID string         `json:"responseId"`
	Request    request.Record `json:"request"`
	Error      string         `json:"error"` // set when no response came back
	Status     int            `json:"status"`
	StatusText string         `json:"statusText"`
	// DurationMs is the whole call: every request with its retries, the
	// pacing between them, and merging the pages.
	DurationMs int64 `json:"durationMs"`
	// Size is the body shown: one response as received, or the pages and
	// windows merged into one (re-encoded, so it can differ from Received).
	Size int64 `json:"size"`
	// Requests, RequestMs and Received total the exchanges ("All
	// requests"): how many were sent, the sum of their times, and the sum
	// of their response bodies as decoded (after gzip).
	Requests      int              `json:"requests"`
	RequestMs     int64            `json:"requestMs"`
	Received      int64            `json:"received"`
	Headers       []request.Header `json:"headers"`
	ContentType   string           `json:"contentType"`
	IsJSON        bool             `json:"isJson"`
	Root          *pick.Node       `json:"root"`
	Text          string           `json:"text"` // non-JSON bodies, shortened
	TextTruncated bool             `json:"textTruncated"`
	Note          string           `json:"note"`
	TrackerError  string           `json:"trackerError"` // the tracker's refusal, in plain words
	Exchanges     []ExchangeView   `json:"exchanges"`    // every request sent: pages, windows, with attempts
	Pages         int              `json:"pages"`
	Windows       int              `json:"windows"`
	Warnings      []string         `json:"warnings"`
	// Outcome is core.OutcomeUnknown when a write was sent but no answer
	// proves whether the tracker applied it: Error then says what to
	// check. Otherwise the last write's outcome, or "" for a read.
	Outcome string `json:"outcome"`
	// RunID is the run in Runs & Logs that records a write's test: its
	// intent before it was sent, then its outcome. 0 for a read.
	RunID uint64 `json:"runId"`
}

// ExchangeView is one request of a test, without its body.
type ExchangeView struct {
	Method     string            `json:"method"`
	URL        string            `json:"url"`
	Status     int               `json:"status"`
	DurationMs int64             `json:"durationMs"`
	Size       int64             `json:"size"`
	Page       int               `json:"page"`
	Window     int               `json:"window"`
	Attempts   []request.Attempt `json:"attempts"`
	Error      string            `json:"error"`
	Outcome    string            `json:"outcome"` // writes only: sent, not_sent or unknown
}

// TestTemplate makes the real call a template describes, through the
// request engine: tracker rules, rate limit, retries, pages and windows.
// A write (any method but GET) is refused unless in.Confirmed is set.
// A confirmed write is recorded as a run of its own (TriggerTest) before
// it is sent, and its outcome after, as a run's writes are; when it cannot
// be recorded it is not sent. Invalid input or a broken rule is an error
// before anything is sent; a
// failed exchange is a TestResult with Error set; a write whose outcome
// is unknown also has Outcome core.OutcomeUnknown.
func (s *Services) TestTemplate(in TestInput) (TestResult, error) {
	t := in.Template
	if err := s.validateTemplate(&t); err != nil {
		return TestResult{}, err
	}
	if t.IsWrite() && !in.Confirmed {
		return TestResult{}, core.Errorf(core.EINVALID, "A %s request changes data on the tracker: confirm the test call first.", t.Method)
	}
	target, err := s.templateTarget(t)
	if err != nil {
		return TestResult{}, err
	}
	if !t.IsWrite() {
		out, _, err := s.sendTest(t, target, in.Values)
		return out, err
	}
	if _, err := request.Build(t, target, in.Values, s.Client.UserAgent); err != nil {
		return TestResult{}, err // a bad value: nothing to send, nothing to record
	}
	run, w, err := s.beginTestWrite(t, in.Values)
	if err != nil {
		return TestResult{}, err
	}
	out, res, err := s.sendTest(t, target, in.Values)
	if err != nil {
		out.Error = core.ErrorMessage(err)
	}
	s.endTestWrite(run, w, res, &out)
	if err != nil {
		return TestResult{RunID: run.ID}, err
	}
	return out, nil
}

// sendTest makes the call and describes what came back. An error is
// returned only when nothing could be sent (a broken rule, a bad value);
// a failed exchange is a result with Error set.
func (s *Services) sendTest(t core.ActionTemplate, target core.Target, values map[string]string) (TestResult, *request.Result, error) {
	ctx, cancel := withTimeout(10 * time.Minute)
	defer cancel()
	ctx = request.WithWaitBudget(ctx, s.waitBudget(nil))
	call := request.Call{Template: t, Target: target, Values: values, Rules: tracker.RulesFor(t.Platform, t.Method, t.Path)}
	res, err := s.Client.Do(ctx, call)
	if res == nil {
		return TestResult{}, nil, err
	}
	out := summarize(res)
	if err != nil {
		out.Error = err.Error()
		if code := core.ErrorCode(err); code != core.EUNAVAILABLE {
			out.Error = core.ErrorMessage(err)
		}
		return out, res, nil
	}
	if f := res.Failure(target.ConnectionName); f != nil {
		out.TrackerError = f.Message
	}
	s.describe(&out, res, request.NewMasker(target))
	return out, res, nil
}

// templateTarget resolves where a template's requests go, with secrets.
func (s *Services) templateTarget(t core.ActionTemplate) (core.Target, error) {
	return s.templateTargetOr(t, "")
}

// templateTargetOr is templateTarget with missing standing in for a secret
// the connection does not have (see secretsOr); "" makes that an error.
func (s *Services) templateTargetOr(t core.ActionTemplate, missing string) (core.Target, error) {
	c, err := s.DB.GetConnection(t.ConnectionID)
	if err != nil {
		return core.Target{}, err
	}
	sec, err := s.secretsOr(c, nil, missing)
	if err != nil {
		return core.Target{}, err
	}
	return s.target(c, t.Platform, sec)
}

func summarize(res *request.Result) TestResult {
	out := TestResult{Pages: res.Pages, Windows: res.Windows, Warnings: res.Warnings, DurationMs: res.DurationMs}
	for _, x := range res.Exchanges {
		out.Exchanges = append(out.Exchanges, ExchangeView{Method: x.Request.Method, URL: x.Request.URL, Status: x.Status,
			DurationMs: x.DurationMs, Size: x.Size, Page: x.Page, Window: x.Window, Attempts: x.Attempts, Error: x.Error, Outcome: x.Outcome})
		out.Outcome = x.Outcome
		out.Requests++
		out.RequestMs += x.DurationMs
		out.Received += x.Size
	}
	if n := len(res.Exchanges); n > 0 {
		out.Request = res.Exchanges[n-1].Request
		if res.Pages > 1 || res.Windows > 1 {
			out.Request = res.Exchanges[0].Request
		}
	}
	return out
}

func (s *Services) describe(res *TestResult, resp *request.Result, masker request.Masker) {
	res.Status, res.StatusText = resp.Status, resp.StatusText
	res.Size = int64(len(resp.Body))
	res.Headers = masker.Headers(resp.Header)
	res.ContentType = resp.Header.Get("Content-Type")
	if len(resp.Body) == 0 {
		res.Note = "The response has no body."
		return
	}
	if doc, err := pick.Parse(resp.Body); err == nil {
		root := doc.Root()
		res.IsJSON, res.Root = true, &root
		res.ResponseID = s.cache.put(doc, resp.Body)
		return
	}
	res.Text, res.TextTruncated = textPreview(masker.String(string(resp.Body)))
	res.Note = nonJSONNote(res.ContentType, resp.Body)
	res.ResponseID = s.cache.put(nil, resp.Body)
}

func nonJSONNote(contentType string, body []byte) string {
	mt, _, _ := mime.ParseMediaType(contentType)
	switch {
	case strings.Contains(mt, "html"):
		return "The tracker answered with an HTML page, not JSON: often a login or error page. Check the URL and the path."
	case strings.Contains(mt, "xml"):
		return "The tracker answered with XML, not JSON. Some APIs (impact.com, CAKE) need Accept: application/json or a .json path."
	case json.Valid(body):
		return ""
	}
	return "The response is not JSON, so it is shown as text."
}

func textPreview(s string) (string, bool) { return core.CutUTF8(s, maxTextPreview) }

// ResponseNodes pages the children of a node of a tested JSON response.
func (s *Services) ResponseNodes(responseID string, segments []any, offset, limit int) (pick.Page, error) {
	doc, err := s.keptDocument(responseID)
	if err != nil {
		return pick.Page{}, err
	}
	return doc.Children(segments, offset, limit)
}
