package openapi

import (
	"maps"
	"slices"
	"strings"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/getkin/kin-openapi/openapi3"
)

// bodyKinds ranks the request body types AffDesk sends, best first.
var bodyKinds = []struct {
	match func(string) bool
	enc   core.BodyEncoding
}{
	{func(m string) bool { return m == "application/json" || strings.HasSuffix(m, "+json") }, core.BodyJSON},
	{func(m string) bool { return m == "application/x-www-form-urlencoded" }, core.BodyForm},
	{func(m string) bool { return m == "multipart/form-data" }, core.BodyForm},
}

// body returns the top-level fields of the operation's JSON or form
// request body as body parameters, and the encoding to send them with.
func (r *reader) body(o opRef, enc core.BodyEncoding) ([]core.Param, core.BodyEncoding) {
	if o.op.RequestBody == nil || o.op.RequestBody.Value == nil || len(o.op.RequestBody.Value.Content) == 0 {
		return nil, enc
	}
	media, mime, enc := pickMedia(o.op.RequestBody.Value.Content, enc)
	switch {
	case media == nil:
		r.warn(o.label(), "The request body (%s) is neither JSON nor a form: its fields were not taken.", strings.Join(slices.Sorted(maps.Keys(o.op.RequestBody.Value.Content)), ", "))
		return nil, enc
	case o.method == "GET":
		r.warn(o.label(), "The request body of a GET was left out: AffDesk sends none.")
		return nil, enc
	case mime == "multipart/form-data":
		r.warn(o.label(), "The multipart body is sent as a URL-encoded form.")
	}
	if media.Schema == nil || media.Schema.Value == nil {
		return nil, enc
	}
	return r.bodyFields(o, media.Schema.Value), enc
}

// pickMedia returns the best body type AffDesk can send.
func pickMedia(content openapi3.Content, enc core.BodyEncoding) (*openapi3.MediaType, string, core.BodyEncoding) {
	keys := slices.Sorted(maps.Keys(content))
	for _, kind := range bodyKinds {
		for _, key := range keys {
			mime := strings.ToLower(strings.TrimSpace(strings.SplitN(key, ";", 2)[0]))
			if kind.match(mime) && content[key] != nil {
				return content[key], mime, kind.enc
			}
		}
	}
	return nil, "", enc
}

// bodyFields turns the properties of an object body, with those of its
// allOf parts, into parameters; read-only and binary fields are left out.
func (r *reader) bodyFields(o opRef, s *openapi3.Schema) []core.Param {
	props, required := properties(unwrap(s))
	if len(props) == 0 {
		if t := types(unwrap(s)); len(t) > 0 && t[0] != "object" {
			r.warn(o.label(), "The request body is not an object (%s): it has no fields to fill in.", t[0])
		}
		return nil
	}
	var out []core.Param
	for _, name := range slices.Sorted(maps.Keys(props)) {
		p := props[name]
		switch {
		case p == nil || p.ReadOnly || len(out) >= maxParams:
			continue
		case p.Format == "binary" || p.Format == "base64" && p.Type.Is("string") && strings.Contains(strings.ToLower(p.Description), "file"):
			r.warn(o.label(), "File field %q was left out: AffDesk does not upload files.", name)
			continue
		}
		out = append(out, r.param(o.label(), field{name: name, in: "body", required: required[name], schema: p}))
	}
	return out
}

// properties merges the schema's own properties with those of its allOf
// parts, one level deep.
func properties(s *openapi3.Schema) (map[string]*openapi3.Schema, map[string]bool) {
	props := map[string]*openapi3.Schema{}
	required := map[string]bool{}
	if s == nil {
		return props, required
	}
	add := func(x *openapi3.Schema) {
		for name, ref := range x.Properties {
			if ref != nil && ref.Value != nil {
				props[name] = ref.Value
			}
		}
		for _, name := range x.Required {
			required[name] = true
		}
	}
	add(s)
	for _, ref := range s.AllOf {
		if ref != nil && ref.Value != nil {
			add(unwrap(ref.Value))
		}
	}
	return props, required
}
