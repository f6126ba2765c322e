package core

import (
	"strings"
	"time"
)

// Kind says what a template does to the tracker's data.
type Kind string

// The template kinds, persisted.
const (
	KindGet  Kind = "get"
	KindEdit Kind = "edit"
	KindAdd  Kind = "add"
)

// The HTTP methods a template may use.
var Methods = []string{"GET", "POST", "PUT", "PATCH", "DELETE"}

// BodyEncoding says how body parameters are sent.
type BodyEncoding string

// The body encodings, persisted.
const (
	BodyJSON BodyEncoding = "json"
	BodyForm BodyEncoding = "form"
)

// ActionTemplate is one tracker endpoint, defined once and reused by
// automations. Platform is the API dialect it speaks (auth and base URL
// rules); it equals the connection's platform except on a Demo connection,
// which answers several dialects.
type ActionTemplate struct {
	ID           uint64       `json:"id"`
	Name         string       `json:"name"`
	ConnectionID uint64       `json:"connectionId"`
	Platform     Platform     `json:"platform"`
	Kind         Kind         `json:"kind"`
	Method       string       `json:"method"`
	Path         string       `json:"path"`
	Params       []Param      `json:"params"`
	BodyEncoding BodyEncoding `json:"bodyEncoding"`
	Notes        string       `json:"notes"`
	PresetID     string       `json:"presetId,omitempty"`
	Pagination   Pagination   `json:"pagination"`
	Retries      int          `json:"retries"`    // automatic retries of a failed attempt (0-10)
	Idempotent   bool         `json:"idempotent"` // "Safe to repeat": a write whose repeat cannot change the result

	SplitRanges bool      `json:"splitRanges"`    // split a date range too long for the tracker into windows
	Tags        []string  `json:"tags,omitempty"` // labels for finding templates, e.g. an imported folder or OpenAPI tag
	CreatedAt   time.Time `json:"createdAt"`
	UpdatedAt   time.Time `json:"updatedAt"`
}

// IsWrite reports whether calling the template may change data on the
// tracker: any method but GET.
func (t *ActionTemplate) IsWrite() bool { return t.Method != "GET" }

// Validate checks the template on its own: names, method, kind, path and
// parameters, and that the path's placeholders and the path parameters
// match one to one. Errors name the field they are about; every field in
// error is reported (an Errors when there are several). Placeholders are
// matched only once the path and parameters are themselves valid.
func (t *ActionTemplate) Validate() error {
	t.Name = strings.TrimSpace(t.Name)
	t.Path = strings.TrimSpace(t.Path)
	shape := Collect(t.validatePath, t.validateParams)
	checks := []func() error{t.validateHead, func() error { return shape }, t.validateOptions, t.normalizeTags}
	if shape == nil {
		checks = append(checks, t.validatePlaceholders)
	}
	return Collect(checks...)
}

func (t *ActionTemplate) validateHead() error {
	if err := validateName(t.Name); err != nil {
		return err
	}
	switch {
	case t.ConnectionID == 0:
		return FieldError("connectionId", "Choose a connection.")
	case !t.Platform.Valid() || t.Platform == PlatformDemo:
		return FieldError("platform", "Choose which tracker API the template speaks.")
	case t.Kind != KindGet && t.Kind != KindEdit && t.Kind != KindAdd:
		return FieldError("kind", "Kind must be Get, Edit or Add.")
	case !contains(Methods, t.Method):
		return FieldError("method", "Method must be one of %s.", strings.Join(Methods, ", "))
	case t.BodyEncoding != BodyJSON && t.BodyEncoding != BodyForm:
		return FieldError("bodyEncoding", "Body encoding must be JSON or form.")
	}
	return nil
}

func (t *ActionTemplate) validatePath() error {
	if t.Path == "" {
		return FieldError("path", "Endpoint path is required, e.g. /3.0/admin/partner/{affiliate_id}.")
	}
	if !strings.HasPrefix(t.Path, "/") {
		return FieldError("path", "Endpoint path must start with '/'.")
	}
	if strings.ContainsAny(t.Path, " ?#\t\r\n") {
		return FieldError("path", "Endpoint path must not contain spaces, '?' or '#': put query values in parameters.")
	}
	if err := checkPathHost(t.Path); err != nil {
		return err
	}
	if strings.Contains(t.Path, "//") || strings.ContainsAny(t.Path, "@\\") {
		return FieldError("path", "Endpoint path must not contain '//', '@' or '\\': they could send the request to another host.")
	}
	if _, err := ParsePlaceholders(t.Path); err != nil {
		return FieldError("path", "%s.", Capitalize(err.Error()))
	}
	return nil
}

func (t *ActionTemplate) validateParams() error {
	seen := map[string]bool{}
	for i := range t.Params {
		p := &t.Params[i]
		if err := p.Validate(i); err != nil {
			return err
		}
		key := string(p.In) + ":" + p.Name
		if seen[key] {
			return FieldError(paramField(i, "name"), "Parameter %q is defined twice in %s.", p.Name, p.In)
		}
		seen[key] = true
		if p.In == InBody && t.Method == "GET" {
			return FieldError(paramField(i, "in"), "A GET request has no body: put %q in the query.", p.Name)
		}
	}
	return nil
}

func (t *ActionTemplate) validateOptions() error {
	if t.Retries < 0 || t.Retries > 10 {
		return FieldError("retries", "Retries must be between 0 and 10.")
	}
	if t.Pagination.Enabled() && t.Method != "GET" {
		return FieldError("pagination.kind", "Only GET requests page: a %s is sent once.", t.Method)
	}
	return t.Pagination.Validate()
}

// Retryable reports whether an attempt whose outcome is unknown (a
// timeout, a connection lost after the request was written, a 502 or a
// 504) may be sent again: a GET may, and a write only when its template
// is marked safe to repeat (Idempotent), which makes it retried like a
// read. Any write is still retried when the answer proves it was not
// applied (refused before it was written, 429, 503).
func (t *ActionTemplate) Retryable() bool { return !t.IsWrite() || t.Idempotent }

// validatePlaceholders checks that every path placeholder has a path
// parameter and every path parameter has a placeholder.
func (t *ActionTemplate) validatePlaceholders() error {
	phs, _ := ParsePlaceholders(t.Path)
	inPath := map[string]bool{}
	for _, ph := range phs {
		inPath[ph.Name] = true
		if t.param(InPath, ph.Name) < 0 {
			return FieldError("path", "Placeholder {%s} has no path parameter: add one named %q.", ph.Name, ph.Name)
		}
	}
	for i, p := range t.Params {
		if p.In == InPath && !inPath[p.Name] {
			return FieldError(paramField(i, "name"), "Path parameter %q has no {%s} placeholder in the path.", p.Name, p.Name)
		}
	}
	return nil
}

// param returns the index of the parameter with the given location and
// name, or -1.
func (t *ActionTemplate) param(in ParamIn, name string) int {
	for i, p := range t.Params {
		if p.In == in && p.Name == name {
			return i
		}
	}
	return -1
}

// SyncPathParams adds a required string path parameter for each placeholder
// in the path that has none, so that typing `{id}` into the path is enough.
// It never removes parameters: a stale one is reported by Validate instead.
func (t *ActionTemplate) SyncPathParams() {
	phs, err := ParsePlaceholders(t.Path)
	if err != nil {
		return
	}
	for _, ph := range phs {
		if t.param(InPath, ph.Name) < 0 {
			t.Params = append(t.Params, Param{Name: ph.Name, In: InPath, Type: TypeString, Required: true})
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Capitalize upper-cases the first letter of an ASCII word.
func Capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
