package openapi

import (
	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/importer/internal/shape"
	"github.com/getkin/kin-openapi/openapi3"
)

// field is what a parameter or body property says about one input.
type field struct {
	name, in    string
	required    bool
	description string
	example     any
	schema      *openapi3.Schema
}

// param turns a field into a template parameter, warning (under item)
// when its schema is richer than a parameter type.
func (r *reader) param(item string, f field) core.Param {
	s := unwrap(f.schema)
	typ, enum, lost := paramType(s)
	if lost {
		r.warn(item, "Field %q (%s) is an object or a choice of types: it is taken as text.", f.name, f.in)
	}
	p := core.Param{Name: f.name, In: core.ParamIn(f.in), Type: typ, Required: f.required, Enum: enum}
	p.Description = shape.Clip(f.description, shape.MaxDescription)
	if s != nil {
		if p.Description == "" {
			p.Description = shape.Clip(s.Description, shape.MaxDescription)
		}
		p.Default = valueText(s.Default)
		if f.example == nil {
			f.example = s.Example
		}
		if f.example == nil && len(s.Examples) > 0 {
			f.example = s.Examples[0]
		}
	}
	if !lost {
		p.Example = shape.Clip(valueText(f.example), shape.MaxDescription)
	}
	return p
}
