package hooks

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"sort"
	"strings"

	"github.com/affdesk/affdesk/backend/core"
)

// ErrNotObject is returned for a body that is not one JSON object.
var ErrNotObject = errors.New("the body must be a JSON object")

// Vars turns a posted body into a run's variables: each top-level field
// of the JSON object becomes webhook_<field> (strings as they are,
// numbers as their exact JSON text, true/false, null as empty, objects
// and arrays as compact JSON), and webhook_body holds the body as text.
// A character of a field name other than a letter, digit or _ becomes _;
// a field already named so wins over one renamed to its name. Returns
// ErrNotObject unless the body is exactly one JSON object.
func Vars(body []byte) (map[string]any, error) {
	fields, err := decodeObject(body)
	if err != nil {
		return nil, err
	}
	names := make([]string, 0, len(fields))
	for k := range fields {
		names = append(names, k)
	}
	sort.Slice(names, func(i, j int) bool { return rank(names[i]) < rank(names[j]) })
	out := make(map[string]any, len(fields)+1)
	for _, k := range names {
		name := core.HookVarPrefix + fieldName(k)
		if _, taken := out[name]; taken || name == core.HookBodyVar {
			continue
		}
		out[name] = valueText(fields[k])
	}
	out[core.HookBodyVar] = string(body)
	return out, nil
}

// rank orders field names: valid names first, then alphabetically.
func rank(k string) string {
	if core.HookField(k) {
		return "0" + k
	}
	return "1" + k
}

func decodeObject(body []byte) (map[string]json.RawMessage, error) {
	trimmed := bytes.TrimLeft(body, " \t\r\n")
	if len(trimmed) == 0 || trimmed[0] != '{' {
		return nil, ErrNotObject
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	var fields map[string]json.RawMessage
	if err := dec.Decode(&fields); err != nil {
		return nil, ErrNotObject
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, ErrNotObject
	}
	return fields, nil
}

// fieldName keeps letters, digits and _, and turns any other character
// into _ (an empty name becomes _).
func fieldName(k string) string {
	if core.HookField(k) {
		return k
	}
	var b strings.Builder
	for _, r := range k {
		if r < 128 && core.HookField(string(r)) {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	if b.Len() == 0 {
		return "_"
	}
	return b.String()
}

// valueText renders one JSON value as a variable's text.
func valueText(raw json.RawMessage) string {
	switch raw[0] {
	case '"':
		var s string
		_ = json.Unmarshal(raw, &s)
		return s
	case 'n':
		return ""
	case '{', '[':
		var b bytes.Buffer
		if json.Compact(&b, raw) != nil {
			return string(raw)
		}
		return b.String()
	}
	return string(raw) // a number's exact text, true or false
}
