package app

import (
	"encoding/json"
	"mime"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/pick"
	"github.com/affdesk/affdesk/backend/request"
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
	ResponseID    string           `json:"responseId"`
	Request       request.Record   `json:"request"`
	Error         string           `json:"error"` // set when no response came back
	Status        int              `json:"status"`
	StatusText    string           `json:"statusText"`
	DurationMs    int64            `json:"durationMs"`
	Size          int64            `json:"size"`
	Headers       []request.Header `json:"headers"`
	ContentType   string           `json:"contentType"`
	IsJSON        bool             `json:"isJson"`
	Root          *pick.Node       `json:"root"`
	Text          string           `json:"text"` // non-JSON bodies, shortened
	TextTruncated bool             `json:"textTruncated"`
	Note          string           `json:"note"`
}

// TestTemplate makes the real call a template describes. A write (any
// method but GET) is refused unless in.Confirmed is set. Invalid input is
// an error before anything is sent; a failed exchange is a TestResult with
// Error set and the request that was attempted.
func (s *Services) TestTemplate(in TestInput) (TestResult, error) {
	t := in.Template
	if err := s.validateTemplate(&t); err != nil {
		return TestResult{}, err
	}
	if t.IsWrite() && !in.Confirmed {
		return TestResult{}, core.Errorf(core.EINVALID, "A %s request changes data on the tracker: confirm the test call first.", t.Method)
	}
	c, err := s.DB.GetConnection(t.ConnectionID)
	if err != nil {
		return TestResult{}, err
	}
	sec, err := s.connectionSecrets(c, nil)
	if err != nil {
		return TestResult{}, err
	}
	target, err := s.target(c, t.Platform, sec)
	if err != nil {
		return TestResult{}, err
	}
	built, err := request.Build(t, target, in.Values, userAgent())
	if err != nil {
		return TestResult{}, err
	}
	masker := request.NewMasker(target)
	res := TestResult{Request: masker.Record(built)}
	ctx, cancel := withTimeout(2 * time.Minute)
	defer cancel()
	resp, err := s.Sender.Send(ctx, built, target.SkipTLSVerify)
	if err != nil {
		res.Error = masker.String(sendError(c.Name, err))
		return res, nil
	}
	s.describe(&res, resp, masker)
	return res, nil
}

// sendError words a failed exchange for the user.
func sendError(conn string, err error) string {
	if code := core.ErrorCode(err); code != core.EINTERNAL {
		return core.ErrorMessage(err)
	}
	return request.Classify(conn, nil, err).Message
}

func (s *Services) describe(res *TestResult, resp *request.Response, masker request.Masker) {
	res.Status, res.StatusText = resp.Status, resp.StatusText
	res.DurationMs, res.Size = resp.Duration.Milliseconds(), int64(len(resp.Body))
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

func textPreview(s string) (string, bool) {
	if len(s) <= maxTextPreview {
		return s, false
	}
	cut := maxTextPreview
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut], true
}

// ResponseNodes pages the children of a node of a tested JSON response.
func (s *Services) ResponseNodes(responseID string, segments []any, offset, limit int) (pick.Page, error) {
	doc, _, ok := s.cache.get(responseID)
	if !ok || doc == nil {
		return pick.Page{}, core.Errorf(core.ENOTFOUND, "That response is no longer kept: run the test again.")
	}
	return doc.Children(segments, offset, limit)
}
