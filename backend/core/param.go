package core

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// ParamIn says where a parameter goes in the request.
type ParamIn string

// Parameter locations, persisted.
const (
	InPath   ParamIn = "path"
	InQuery  ParamIn = "query"
	InBody   ParamIn = "body"
	InHeader ParamIn = "header"
)

// ParamType is a parameter's value type, checked before a request is sent.
type ParamType string

// Parameter types, persisted.
const (
	TypeString   ParamType = "string"
	TypeInteger  ParamType = "integer"
	TypeNumber   ParamType = "number"
	TypeBoolean  ParamType = "boolean"
	TypeDate     ParamType = "date"
	TypeDateTime ParamType = "datetime"
	TypeEnum     ParamType = "enum"
	TypeArray    ParamType = "array"
)

// ParamTypes lists the types in the order the editor offers them.
var ParamTypes = []ParamType{TypeString, TypeInteger, TypeNumber, TypeBoolean, TypeDate, TypeDateTime, TypeEnum, TypeArray}

// Param is one input of an action template.
type Param struct {
	Name        string    `json:"name"`
	In          ParamIn   `json:"in"`
	Type        ParamType `json:"type"`
	Required    bool      `json:"required"`
	Default     string    `json:"default"`
	Enum        []string  `json:"enum"`
	Description string    `json:"description"`
	Example     string    `json:"example,omitempty"` // a sample value, shown as a hint and used by Demo tests
}

func paramField(i int, field string) string { return fmt.Sprintf("params[%d].%s", i, field) }

// Validate checks one parameter; i is its index, used in field names.
func (p *Param) Validate(i int) error {
	p.Name = strings.TrimSpace(p.Name)
	if err := p.validateName(i); err != nil {
		return err
	}
	if !validType(p.Type) {
		return FieldError(paramField(i, "type"), "Parameter %q has an unknown type %q.", p.Name, p.Type)
	}
	if p.Type == TypeEnum && len(p.Enum) == 0 {
		return FieldError(paramField(i, "enum"), "Enum parameter %q needs at least one allowed value.", p.Name)
	}
	if p.Default == "" {
		return nil
	}
	if _, err := p.Coerce(p.Default); err != nil {
		return FieldError(paramField(i, "default"), "Default of %q: %s", p.Name, err.Error())
	}
	return nil
}

func (p *Param) validateName(i int) error {
	field := paramField(i, "name")
	switch p.In {
	case InPath:
		if !ValidName(p.Name) {
			return FieldError(field, "Path parameter %q must be a plain name (letters, digits, _).", p.Name)
		}
	case InQuery, InBody:
		if p.Name == "" || strings.ContainsAny(p.Name, " \t\r\n&=#") {
			return FieldError(field, "Parameter name %q must be non-empty with no spaces, '&', '=' or '#'.", p.Name)
		}
	case InHeader:
		if !validHeaderName(p.Name) {
			return FieldError(field, "Header name %q may hold only letters, digits and '-'.", p.Name)
		}
	default:
		return FieldError(paramField(i, "in"), "Parameter %q must go in path, query, body or header.", p.Name)
	}
	return nil
}

func validHeaderName(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r == '-' || r == '_' || (r >= '0' && r <= '9') || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z')) {
			return false
		}
	}
	return true
}

func validType(t ParamType) bool {
	for _, x := range ParamTypes {
		if x == t {
			return true
		}
	}
	return false
}

// Coerce checks a raw text value against the parameter's type and returns
// it typed: int64, json.Number (a number's exact digits), bool, []string
// or string. The error says what
// form is expected, without the parameter's name (callers add it).
func (p *Param) Coerce(raw string) (any, error) {
	switch p.Type {
	case TypeInteger:
		n, err := strconv.ParseInt(strings.TrimSpace(raw), 10, 64)
		if err != nil {
			return nil, fmt.Errorf("%q is not a whole number", raw)
		}
		return n, nil
	case TypeNumber:
		return coerceNumber(raw)
	case TypeBoolean:
		return coerceBool(raw)
	case TypeDate:
		if _, err := time.Parse("2006-01-02", raw); err != nil {
			return nil, fmt.Errorf("%q is not a date in the form 2024-01-31", raw)
		}
	case TypeDateTime:
		if _, err := time.Parse(time.RFC3339, raw); err != nil {
			return nil, fmt.Errorf("%q is not a date and time with a zone, like 2024-01-31T00:00:00Z", raw)
		}
	case TypeEnum:
		if !contains(p.Enum, raw) {
			return nil, fmt.Errorf("%q is not one of %s", raw, strings.Join(p.Enum, ", "))
		}
	case TypeArray:
		return SplitList(raw), nil
	}
	return raw, nil
}

// coerceNumber keeps a number's value exactly, written in plain digits:
// "19.90" is sent as 19.9 and "1e21" as 1000000000000000000000, never as
// a float's nearest neighbour. NaN, infinities and hex are no numbers.
func coerceNumber(raw string) (any, error) {
	s := strings.TrimSpace(raw)
	d, ok := parseDecimal(s)
	if !ok {
		var err error
		d, err = decimal.NewFromString(strings.TrimPrefix(s, "+"))
		if err != nil || s == "" {
			return nil, fmt.Errorf("%q is not a number", raw)
		}
	}
	return ExactNumber(d), nil
}

func coerceBool(raw string) (any, error) {
	switch strings.ToLower(strings.TrimSpace(raw)) {
	case "true", "1", "yes":
		return true, nil
	case "false", "0", "no":
		return false, nil
	}
	return nil, fmt.Errorf("%q is not true or false", raw)
}

// SplitList splits an array value typed as "a, b, c" (or one per line) into
// its trimmed, non-empty items.
func SplitList(raw string) []string {
	fields := strings.FieldsFunc(raw, func(r rune) bool { return r == ',' || r == '\n' })
	out := make([]string, 0, len(fields))
	for _, f := range fields {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}
