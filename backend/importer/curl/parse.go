// Package curl reads a cURL command into an action template and the
// connection it calls, and writes a request back as a cURL command.
package curl

import (
	"net/url"
	"strings"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/importer"
)

// Key is the candidate key of the one request a cURL command holds.
const Key = "curl"

// Parse reads the first curl command of src into one candidate template
// (Key "curl") and the connection it calls. Credentials (-u, an
// Authorization header, a known API-key header or query key) go to
// Result.Connection and Result.Secrets, never into the template. A host
// and shape that match a known platform (impact.com, Affise, Everflow,
// CAKE, Binom) propose that platform's connection; any other a Custom
// REST one. Everything the template cannot hold is named in Warnings.
// Errors are those of ParseCommand.
func Parse(src string) (importer.Result, error) {
	p, err := ParseCommand(src)
	if err != nil {
		return importer.Result{}, err
	}
	b := &builder{p: p, warnings: p.Warnings}
	return b.result()
}

// builder turns a parsed command into a Result.
type builder struct {
	p        Parsed
	u        *url.URL
	cred     *credential
	tpl      core.ActionTemplate
	warnings []importer.Warning
}

func (b *builder) warn(format string, args ...any) {
	b.warnings = append(b.warnings, importer.Warning{Item: Key, Message: sprintf(format, args...)})
}

func (b *builder) result() (importer.Result, error) {
	u, err := url.Parse(b.p.URL)
	if err != nil {
		return importer.Result{}, core.FieldError("curl", "The URL %q cannot be read: %v.", b.p.URL, err)
	}
	b.u = u
	b.takeURLCredential()
	b.takeUserCredential()
	headers := b.takeHeaderCredentials(b.p.Headers)
	query := b.takeQueryCredentials(u.RawQuery)
	tgt := proposeTarget(u, b.cred)
	b.checkCredentialUsed(tgt)
	b.checkPlaceholders(tgt)
	b.tpl = core.ActionTemplate{Platform: tgt.conn.Platform, BodyEncoding: core.BodyJSON, Tags: []string{}}
	b.method()
	b.path(tgt.basePath)
	b.queryParams(query)
	b.headerParams(headers)
	b.bodyParams()
	b.tpl.Name = templateName(b.tpl.Method, b.tpl.Path, u.Hostname())
	return importer.Result{
		Source: Key, Connection: tgt.conn, Secrets: tgt.secrets,
		Candidates: []importer.Candidate{{Key: Key, Template: b.tpl}},
		Warnings:   b.warnings,
	}, nil
}

// method maps the request's method onto a template's, and its kind: GET
// reads, POST adds, PUT, PATCH and DELETE edit.
func (b *builder) method() {
	m := strings.ToUpper(b.p.Method)
	if !containsFold(core.Methods, m) {
		b.warn("Templates send GET, POST, PUT, PATCH or DELETE, not %s: the template uses GET.", b.p.Method)
		m = "GET"
	}
	b.tpl.Method = m
	switch m {
	case "GET":
		b.tpl.Kind = core.KindGet
	case "POST":
		b.tpl.Kind = core.KindAdd
	default:
		b.tpl.Kind = core.KindEdit
	}
}

// path sets the template's path: the URL's path after the connection's
// base path, with {placeholders} kept.
func (b *builder) path(basePath string) {
	p := b.u.EscapedPath()
	p = strings.NewReplacer("%7B", "{", "%7D", "}", "%7b", "{", "%7d", "}").Replace(p)
	if _, err := core.ParsePlaceholders(p); err != nil {
		p = b.u.EscapedPath()
	}
	p = strings.TrimPrefix(p, (&url.URL{Path: basePath}).EscapedPath())
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	for strings.Contains(p, "//") {
		b.warn("The path %q holds an empty segment ('//'): it was joined.", b.u.Path)
		p = strings.ReplaceAll(p, "//", "/")
	}
	b.tpl.Path = p
	b.tpl.SyncPathParams()
}
