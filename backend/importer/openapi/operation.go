package openapi

import (
	"strings"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/importer"
	"github.com/affdesk/affdesk/backend/importer/internal/shape"
)

// operation turns one operation into a candidate, or warns why it cannot.
func (r *reader) operation(o opRef) {
	method, ok := shape.Method(o.method)
	if !ok {
		r.warn(o.label(), "Method %s is not one AffDesk sends (GET, POST, PUT, PATCH, DELETE): not imported.", o.method)
		return
	}
	path, account, ok := r.templatePath(o)
	if !ok {
		return
	}
	t := core.ActionTemplate{
		Platform: r.target.platform, Kind: shape.Kind(method), Method: method, Path: path,
		BodyEncoding: r.defaultEncoding(), Tags: shape.Tags(o.op.Tags), Notes: notes(o),
	}
	t.Params = r.params(o, account)
	var body []core.Param
	body, t.BodyEncoding = r.body(o, t.BodyEncoding)
	t.Params = append(t.Params, body...)
	for _, note := range shape.FixUp(&t) {
		r.warn(o.label(), "%s.", core.Capitalize(note))
	}
	t.Name = r.names.Take(o.op.Summary, shape.FirstNonEmpty(o.op.OperationID, o.label()))
	checked, err := shape.Check(t)
	if err != nil {
		r.warn(o.label(), "Not imported: %s", core.ErrorMessage(err))
		return
	}
	key := r.keys.Take(o.op.OperationID, o.label())
	r.res.Candidates = append(r.res.Candidates, importer.Candidate{Key: key, Template: checked, Example: r.example(o)})
}

// templatePath returns the operation's path as the connection sees it:
// after the server's path on a platform whose base URL is the bare host,
// and without impact.com's /Advertisers/{AccountSID} start, which an
// impact connection adds. account is that start's placeholder name.
func (r *reader) templatePath(o opRef) (path, account string, ok bool) {
	path = r.target.prefix + o.path
	if r.target.account == "" {
		return path, "", true
	}
	path, account, ok = shape.StripImpactAccount(path, r.target.account)
	if !ok {
		r.warn(o.label(), "Not imported: the path does not start with /%s/{AccountSID}, which the impact.com connection calls.", r.target.account)
	}
	return path, account, ok
}

// defaultEncoding is how a template with no body in the document sends
// one: as a form on impact.com, like its presets, else as JSON.
func (r *reader) defaultEncoding() core.BodyEncoding {
	if r.target.platform == core.PlatformImpact {
		return core.BodyForm
	}
	return core.BodyJSON
}

func notes(o opRef) string {
	text := strings.TrimSpace(o.op.Description)
	if text == "" && o.op.Summary != "" && len([]rune(o.op.Summary)) > core.MaxNameLength {
		text = o.op.Summary
	}
	if o.op.Deprecated {
		text = strings.TrimSpace("Deprecated. " + text)
	}
	return shape.Clip(text, shape.MaxNotes)
}
