package postman

import (
	"strings"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/importer"
	"github.com/affdesk/affdesk/backend/importer/internal/shape"
)

// request turns one request into a candidate, or warns why it cannot.
func (r *reader) request(q flatRequest) {
	label := q.key()
	req := q.item.Request
	method, ok := shape.Method(shape.FirstNonEmpty(req.Method, "GET"))
	if !ok {
		r.warn(label, "Method %s is not one AffDesk sends (GET, POST, PUT, PATCH, DELETE): not imported.", method)
		return
	}
	u := split(req.URL)
	if u.base != r.conn.base {
		r.warn(label, "The request calls %s, not the connection's %s: check the template's connection.", u.base, r.conn.base)
	}
	path, params, ok := r.templatePath(label, u.path, req.URL.Variable)
	if !ok {
		return
	}
	t := core.ActionTemplate{
		Platform: r.conn.platform, Kind: shape.Kind(method), Method: method, Path: path,
		BodyEncoding: core.BodyJSON, Tags: shape.Tags(q.folders),
		Notes: shape.Clip(string(firstText(req.Description, q.item.Description)), shape.MaxNotes),
	}
	t.Params = append(params, r.kvParams(label, core.InQuery, u.query)...)
	t.Params = append(t.Params, r.kvParams(label, core.InHeader, req.Header)...)
	body, enc := r.body(label, req.Body)
	t.Params, t.BodyEncoding = append(t.Params, body...), enc
	r.authNote(label, q)
	r.finish(label, q, t)
}

// finish fixes the template up, names it and adds it if it validates.
func (r *reader) finish(label string, q flatRequest, t core.ActionTemplate) {
	if len(t.Params) > maxParams {
		r.warn(label, "Only the first %d of %d parameters were kept.", maxParams, len(t.Params))
		t.Params = t.Params[:maxParams]
	}
	for _, note := range shape.FixUp(&t) {
		r.warn(label, "%s.", core.Capitalize(note))
	}
	t.Name = r.names.Take(q.item.Name, t.Method+" "+t.Path)
	checked, err := shape.Check(t)
	if err != nil {
		r.warn(label, "Not imported: %s", core.ErrorMessage(err))
		return
	}
	key := r.keys.Take(label, t.Method+" "+t.Path)
	r.res.Candidates = append(r.res.Candidates, importer.Candidate{Key: key, Template: checked, Example: example(q.item.Response)})
}

// authNote warns when a request authenticates unlike the connection.
func (r *reader) authNote(label string, q flatRequest) {
	a, _ := authOf(q.auth)
	if a.signature() != r.conn.auth.signature() {
		r.warn(label, "Postman sends %s here; the connection sends %s.", a.describe(), r.conn.auth.describe())
	}
}

func firstText(ts ...text) text {
	for _, t := range ts {
		if strings.TrimSpace(string(t)) != "" {
			return t
		}
	}
	return ""
}
