package openapi

import (
	"github.com/affdesk/affdesk/backend/core"
	"github.com/getkin/kin-openapi/openapi3"
)

// maxUnwrap bounds how many single-branch allOf/anyOf/oneOf wrappers are
// looked through, so a hostile chain of them costs nothing.
const maxUnwrap = 8

// unwrap looks through a schema that only wraps one other: allOf with a
// single entry, or anyOf/oneOf whose one branch is not null, the form
// OpenAPI 3.1 writes a nullable reference in.
func unwrap(s *openapi3.Schema) *openapi3.Schema {
	for i := 0; s != nil && i < maxUnwrap; i++ {
		if len(types(s)) > 0 || len(s.Properties) > 0 {
			return s
		}
		next := single(s.AllOf)
		if next == nil {
			next = single(s.AnyOf)
		}
		if next == nil {
			next = single(s.OneOf)
		}
		if next == nil {
			return s
		}
		s = next
	}
	return s
}

// single returns the one branch of refs that is not the null type.
func single(refs openapi3.SchemaRefs) *openapi3.Schema {
	var only *openapi3.Schema
	for _, ref := range refs {
		if ref == nil || ref.Value == nil || ref.Value.Type.Is("null") {
			continue
		}
		if only != nil {
			return nil
		}
		only = ref.Value
	}
	return only
}

// types returns the schema's types without "null".
func types(s *openapi3.Schema) []string {
	if s == nil || s.Type == nil {
		return nil
	}
	var out []string
	for _, t := range *s.Type {
		if t != "null" {
			out = append(out, t)
		}
	}
	return out
}

// paramType maps a schema to a parameter type. lost is true when the
// schema says more than the type can (an object, a list of objects, a
// choice of types), so the value is taken as plain text.
func paramType(s *openapi3.Schema) (t core.ParamType, enum []string, lost bool) {
	s = unwrap(s)
	if s == nil {
		return core.TypeString, nil, false
	}
	ts := types(s)
	if len(ts) > 1 {
		return core.TypeString, nil, true
	}
	kind := ""
	if len(ts) == 1 {
		kind = ts[0]
	}
	switch {
	case kind == "array" || (kind == "" && s.Items != nil):
		return arrayType(s)
	case kind == "object" || (kind == "" && (len(s.Properties) > 0 || len(s.AllOf)+len(s.AnyOf)+len(s.OneOf) > 0)):
		return core.TypeString, nil, true
	}
	if enum = enumValues(s.Enum); len(enum) > 0 && kind != "boolean" {
		return core.TypeEnum, enum, false
	}
	return scalarType(kind, s.Format), nil, false
}

func scalarType(kind, format string) core.ParamType {
	switch kind {
	case "integer":
		return core.TypeInteger
	case "number":
		return core.TypeNumber
	case "boolean":
		return core.TypeBoolean
	}
	switch format {
	case "date":
		return core.TypeDate
	case "date-time":
		return core.TypeDateTime
	}
	return core.TypeString
}

// arrayType is TypeArray for a list of scalars; a list of anything else
// is lost.
func arrayType(s *openapi3.Schema) (core.ParamType, []string, bool) {
	if s.Items == nil || s.Items.Value == nil {
		return core.TypeArray, nil, false
	}
	item := unwrap(s.Items.Value)
	ts := types(item)
	if len(ts) > 1 || len(item.Properties) > 0 || (len(ts) == 1 && (ts[0] == "object" || ts[0] == "array")) {
		return core.TypeString, nil, true
	}
	return core.TypeArray, nil, false
}

// enumValues writes each allowed value as text, leaving out null and
// repeats.
func enumValues(values []any) []string {
	var out []string
	seen := map[string]bool{}
	for _, v := range values {
		if v == nil {
			continue
		}
		text := valueText(v)
		if !seen[text] {
			seen[text] = true
			out = append(out, text)
		}
	}
	return out
}
