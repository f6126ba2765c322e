package service

import (
	"net/http"
	"sort"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/importer/curl"
	"github.com/affdesk/affdesk/backend/request"
)

// CopyTemplateAsCurl returns the request the stored template makes with
// values (as Test would send it: tracker headers, credentials, defaults)
// as a cURL command. Every secret is masked unless reveal is set; a
// secret the connection does not have yet shows masked like a stored one,
// and only revealing it is an error. Other errors are those of building the
// request: a missing or bad value, naming the field.
func (s *Services) CopyTemplateAsCurl(templateID uint64, values map[string]string, reveal bool) (string, error) {
	t, err := s.DB.GetTemplate(templateID)
	if err != nil {
		return "", err
	}
	missing := notStored // a masked copy shows a missing secret's mask
	if reveal {
		missing = ""
	}
	target, err := s.templateTargetOr(t, missing)
	if err != nil {
		return "", err
	}
	built, err := request.Build(t, target, withSamples(t, values), s.Client.UserAgent)
	if err != nil {
		return "", err
	}
	if reveal {
		return curl.Command(curl.Request{Method: built.Req.Method, URL: built.Req.URL.String(),
			Headers: headerPairs(built.Req.Header), Body: string(built.Body)}), nil
	}
	rec := request.NewMasker(target).Record(built)
	return curl.Command(recordRequest(rec.Method, rec.URL, rec.Body, rec.Headers)), nil
}

// notStored stands in for a secret a masked copy needs but the connection
// does not have; it is shorter than MaskSecret's threshold, so it masks
// to bullets alone.
const notStored = "not-stored"

// RunRequestAsCurl returns a request of a run's record as a cURL command.
// A run records its requests with every secret already masked, so the
// command holds the masks: nothing recorded can be revealed.
func RunRequestAsCurl(rec core.HTTPRecord) string {
	hs := make([]request.Header, len(rec.Headers))
	for i, h := range rec.Headers {
		hs[i] = request.Header{Name: h.Name, Value: h.Value}
	}
	return curl.Command(recordRequest(rec.Method, rec.URL, rec.Body, hs))
}

func recordRequest(method, url, body string, headers []request.Header) curl.Request {
	r := curl.Request{Method: method, URL: url, Body: body}
	for _, h := range headers {
		r.Headers = append(r.Headers, [2]string{h.Name, h.Value})
	}
	return r
}

// headerPairs lists headers in name order.
func headerPairs(h http.Header) [][2]string {
	names := make([]string, 0, len(h))
	for k := range h {
		names = append(names, k)
	}
	sort.Strings(names)
	var out [][2]string
	for _, k := range names {
		for _, v := range h[k] {
			out = append(out, [2]string{k, v})
		}
	}
	return out
}

// withSamples returns values with each required parameter that has no
// value and no default set to its example, so a template copies as a
// runnable command; values are not changed.
func withSamples(t core.ActionTemplate, values map[string]string) map[string]string {
	out := make(map[string]string, len(values))
	for k, v := range values {
		out[k] = v
	}
	for _, p := range t.Params {
		if p.Required && out[p.Name] == "" && p.Default == "" && p.Example != "" {
			out[p.Name] = p.Example
		}
	}
	return out
}
