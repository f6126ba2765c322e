package openapi

import (
	"maps"
	"slices"
	"strings"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/getkin/kin-openapi/openapi3"
)

// maxParams bounds the parameters one operation yields.
const maxParams = 500

// params returns the operation's path, query and header parameters, the
// path item's first and the operation's replacing those of the same
// name and place. skip names a path parameter the connection supplies.
func (r *reader) params(o opRef, skip string) []core.Param {
	var out []core.Param
	index := map[string]int{}
	for _, list := range []openapi3.Parameters{o.item.Parameters, o.op.Parameters} {
		for _, ref := range list {
			if ref == nil || ref.Value == nil || len(out) >= maxParams {
				continue
			}
			p, ok := r.oneParam(o, ref.Value, skip)
			if !ok {
				continue
			}
			key := string(p.In) + ":" + p.Name
			if i, seen := index[key]; seen {
				out[i] = p
				continue
			}
			index[key] = len(out)
			out = append(out, p)
		}
	}
	return out
}

// oneParam converts one parameter; ok is false for one the template does
// not take (a cookie, the credentials, the impact.com account SID).
func (r *reader) oneParam(o opRef, p *openapi3.Parameter, skip string) (core.Param, bool) {
	in := strings.ToLower(p.In)
	switch {
	case in == "cookie":
		r.warn(o.label(), "Cookie parameter %q is not supported and was left out.", p.Name)
		return core.Param{}, false
	case in == "path" && p.Name == skip && skip != "":
		return core.Param{}, false
	case in == "header" && strings.EqualFold(p.Name, "Content-Type"):
		return core.Param{}, false
	case (in == "header" || in == "query") && r.authParam(in, p.Name):
		return core.Param{}, false
	case in != "path" && in != "query" && in != "header":
		r.warn(o.label(), "Parameter %q in %q was left out.", p.Name, p.In)
		return core.Param{}, false
	}
	f := field{name: p.Name, in: in, required: p.Required || in == "path", description: p.Description, example: p.Example, schema: paramSchema(p)}
	if f.example == nil {
		f.example = firstExample(p.Examples)
	}
	return r.param(o.label(), f), true
}

// paramSchema returns the parameter's schema, or that of its first
// content entry.
func paramSchema(p *openapi3.Parameter) *openapi3.Schema {
	if p.Schema != nil {
		return p.Schema.Value
	}
	for _, key := range slices.Sorted(maps.Keys(p.Content)) {
		if m := p.Content[key]; m != nil && m.Schema != nil {
			return m.Schema.Value
		}
	}
	return nil
}

func firstExample(examples openapi3.Examples) any {
	for _, key := range slices.Sorted(maps.Keys(examples)) {
		if ref := examples[key]; ref != nil && ref.Value != nil {
			return ref.Value.Value
		}
	}
	return nil
}
