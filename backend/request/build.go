// Package request turns an action template, a resolved target and the
// user's values into an HTTP request, sends it, and records what went out
// and what came back with every secret masked.
package request

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/affdesk/affdesk/backend/core"
)

// Built is a request ready to send, with its body kept for the record.
type Built struct {
	Req  *http.Request
	Body []byte
}

// Build makes the request for tpl at target with values (by parameter
// name; an empty value means "use the default, or leave out"). It checks
// every value's type first, so nothing leaves the machine on bad input;
// errors name the parameter as field "values.<name>".
func Build(tpl core.ActionTemplate, target core.Target, values map[string]string, userAgent string) (*Built, error) {
	vals, err := typedValues(tpl, values)
	if err != nil {
		return nil, err
	}
	u, err := buildURL(tpl, target, vals)
	if err != nil {
		return nil, err
	}
	body, contentType, err := buildBody(tpl, target, vals)
	if err != nil {
		return nil, err
	}
	if body == nil && target.Auth.Kind == core.AuthParam {
		addQuery(u, target.Auth.Name, target.Auth.Value)
	}
	req, err := http.NewRequest(tpl.Method, u.String(), bytes.NewReader(body))
	if err != nil {
		return nil, core.Errorf(core.EINVALID, "Cannot build the request: %v.", err)
	}
	if body == nil {
		req.Body, req.ContentLength = http.NoBody, 0
	}
	if err := setHeaders(req, tpl, target, vals, contentType, userAgent); err != nil {
		return nil, err
	}
	return &Built{Req: req, Body: body}, nil
}

// value is a parameter with its checked, typed value.
type value struct {
	core.Param
	typed any
}

func typedValues(tpl core.ActionTemplate, values map[string]string) ([]value, error) {
	var out []value
	for _, p := range tpl.Params {
		raw, ok := values[p.Name]
		if !ok || raw == "" {
			raw = p.Default
		}
		if raw == "" {
			if p.Required {
				return nil, core.FieldError("values."+p.Name, "%s is required.", p.Name)
			}
			continue
		}
		typed, err := p.Coerce(raw)
		if err != nil {
			return nil, core.FieldError("values."+p.Name, "%s: %s.", p.Name, err.Error())
		}
		if list, ok := typed.([]string); ok && len(list) == 0 {
			if p.Required {
				return nil, core.FieldError("values."+p.Name, "%s is required: give at least one value.", p.Name)
			}
			continue
		}
		out = append(out, value{Param: p, typed: typed})
	}
	return out, nil
}

func buildURL(tpl core.ActionTemplate, target core.Target, vals []value) (*url.URL, error) {
	base, err := url.Parse(target.BaseURL)
	if err != nil || base.Host == "" || (base.Scheme != "http" && base.Scheme != "https") {
		return nil, core.Errorf(core.EINVALID, "Connection %q has no valid URL (%q).", target.ConnectionName, target.BaseURL)
	}
	path, err := fillPath(tpl.Path, vals)
	if err != nil {
		return nil, err
	}
	u, err := url.Parse(strings.TrimRight(target.BaseURL, "/") + path)
	if err != nil {
		return nil, core.Errorf(core.EINVALID, "Cannot form the URL: %v.", err)
	}
	q := u.Query()
	for _, v := range vals {
		if v.In == core.InQuery {
			for _, s := range asStrings(v.typed) {
				q.Add(v.Name, s)
			}
		}
	}
	if target.Auth.Kind == core.AuthQuery {
		q.Set(target.Auth.Name, target.Auth.Value)
	}
	u.RawQuery = q.Encode()
	return u, nil
}

func addQuery(u *url.URL, name, val string) {
	q := u.Query()
	q.Set(name, val)
	u.RawQuery = q.Encode()
}

// fillPath replaces each {placeholder} with its path-escaped value, so a
// value can never add or climb path segments, and refuses a path or a
// value that could name another host ('@', '//', '\\').
func fillPath(path string, vals []value) (string, error) {
	if hostChanging(path) {
		return "", core.FieldError("path", "The endpoint path must not contain '@', '//' or '\\': it could send the request to another host.")
	}
	phs, err := core.ParsePlaceholders(path)
	if err != nil {
		return "", core.FieldError("path", "%v.", err)
	}
	var b strings.Builder
	last := 0
	for _, ph := range phs {
		s, ok := pathValue(vals, ph.Name)
		if !ok {
			return "", core.FieldError("values."+ph.Name, "%s is required (it fills {%s} in the path).", ph.Name, ph.Name)
		}
		if s == "." || s == ".." {
			return "", core.FieldError("values."+ph.Name, "%s cannot be %q.", ph.Name, s)
		}
		if hostChanging(s) {
			return "", core.FieldError("values."+ph.Name, "%s fills {%s} in the path and must not contain '@', '//' or '\\' (it could send the request to another host).", ph.Name, ph.Name)
		}
		b.WriteString(path[last:ph.Start])
		b.WriteString(url.PathEscape(s))
		last = ph.End
	}
	b.WriteString(path[last:])
	return b.String(), nil
}

func pathValue(vals []value, name string) (string, bool) {
	for _, v := range vals {
		if v.In == core.InPath && v.Name == name {
			return strings.Join(asStrings(v.typed), ","), true
		}
	}
	return "", false
}

// asStrings renders a typed value as the text forms sent in a URL or form.
func asStrings(v any) []string {
	switch t := v.(type) {
	case []string:
		return t
	case float64:
		return []string{strconv.FormatFloat(t, 'f', -1, 64)}
	default:
		return []string{fmt.Sprint(t)}
	}
}

func buildBody(tpl core.ActionTemplate, target core.Target, vals []value) ([]byte, string, error) {
	var bodyVals []value
	for _, v := range vals {
		if v.In == core.InBody {
			bodyVals = append(bodyVals, v)
		}
	}
	authInBody := target.Auth.Kind == core.AuthParam && tpl.Method != "GET" && (len(bodyVals) > 0 || tpl.Method == "POST")
	if len(bodyVals) == 0 && !authInBody {
		return nil, "", nil
	}
	if tpl.BodyEncoding == core.BodyForm {
		form := url.Values{}
		for _, v := range bodyVals {
			for _, s := range asStrings(v.typed) {
				form.Add(v.Name, s)
			}
		}
		if authInBody {
			form.Set(target.Auth.Name, target.Auth.Value)
		}
		return []byte(form.Encode()), "application/x-www-form-urlencoded", nil
	}
	obj := map[string]any{}
	for _, v := range bodyVals {
		obj[v.Name] = v.typed
	}
	if authInBody {
		obj[target.Auth.Name] = target.Auth.Value
	}
	b, err := json.Marshal(obj)
	if err != nil {
		return nil, "", core.Errorf(core.EINVALID, "Cannot encode the JSON body: %v.", err)
	}
	return b, "application/json", nil
}

func setHeaders(req *http.Request, tpl core.ActionTemplate, target core.Target, vals []value, contentType, userAgent string) error {
	req.Header.Set("User-Agent", userAgent)
	req.Header.Set("Accept", "application/json")
	for k, v := range target.Headers {
		req.Header.Set(k, v)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	for _, v := range vals {
		if v.In != core.InHeader {
			continue
		}
		s := strings.Join(asStrings(v.typed), ",")
		if strings.ContainsAny(s, "\r\n\x00") {
			return core.FieldError("values."+v.Name, "%s must not contain line breaks.", v.Name)
		}
		req.Header.Set(v.Name, s)
	}
	return setAuth(req, target)
}

func setAuth(req *http.Request, target core.Target) error {
	a := target.Auth
	for _, s := range []string{a.Value, a.User, a.Password} {
		if strings.ContainsAny(s, "\r\n\x00") {
			return core.Errorf(core.EINVALID, "A credential of connection %q contains a line break: enter it again.", target.ConnectionName)
		}
	}
	switch a.Kind {
	case core.AuthHeader:
		req.Header.Set(a.Name, a.Value)
	case core.AuthBasic:
		req.SetBasicAuth(a.User, a.Password)
	case core.AuthBearer:
		req.Header.Set("Authorization", "Bearer "+a.Value)
	}
	return nil
}

// clone returns a copy of b ready to send again, with a fresh body.
func (b *Built) clone(ctx context.Context) *Built {
	req := b.Req.Clone(ctx)
	if b.Body != nil {
		req.Body = io.NopCloser(bytes.NewReader(b.Body))
		req.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(b.Body)), nil }
	}
	return &Built{Req: req, Body: b.Body}
}

// withURL returns a copy of b aimed at u (same method, headers and body).
func (b *Built) withURL(u *url.URL) *Built {
	out := b.clone(b.Req.Context())
	out.Req.URL = u
	out.Req.Host = ""
	return out
}

// withQuery returns a copy of b with the query parameters set.
func (b *Built) withQuery(set map[string]string) *Built {
	u := *b.Req.URL
	q := u.Query()
	for k, v := range set {
		q.Set(k, v)
	}
	u.RawQuery = q.Encode()
	return b.withURL(&u)
}
