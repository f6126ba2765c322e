package curl

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"

	"github.com/affdesk/affdesk/backend/core"
)

// bodyParams turns the body into parameters: a JSON object's fields with
// their types inferred, or form fields (BodyForm). A GET's body goes to
// the query, as trackers read it there.
func (b *builder) bodyParams() {
	in := core.InBody
	if b.tpl.Method == "GET" && (b.p.Body != "" || len(b.p.Form) > 0) && !b.p.BodyFromFile {
		b.warn("curl sends this GET request's data as a body: the template sends it in the query, where APIs read a GET's parameters.")
		in = core.InQuery
	}
	if len(b.p.Form) > 0 {
		b.warn("The form fields (-F) are sent as a URL-encoded form, not multipart.")
		b.setEncoding(in, core.BodyForm)
		b.formParams(in, b.p.Form)
		return
	}
	ct := headerValue(b.p.Headers, "Content-Type")
	if b.p.Body == "" || b.p.BodyFromFile || (ct != "" && !jsonOrForm(ct)) {
		return
	}
	trimmed := strings.TrimSpace(b.p.Body)
	if strings.Contains(strings.ToLower(ct), "json") || strings.HasPrefix(trimmed, "{") || strings.HasPrefix(trimmed, "[") {
		b.jsonParams(in, trimmed)
		return
	}
	b.setEncoding(in, core.BodyForm)
	b.formParams(in, splitPairs(b.p.Body, b.warn))
}

func (b *builder) setEncoding(in core.ParamIn, enc core.BodyEncoding) {
	if in == core.InBody {
		b.tpl.BodyEncoding = enc
	}
}

func (b *builder) formParams(in core.ParamIn, pairs [][2]string) {
	for _, g := range groupPairs(pairs) {
		b.addParam(in, g.name, g.values)
	}
}

func headerValue(headers [][2]string, name string) string {
	for _, h := range headers {
		if strings.EqualFold(h[0], name) {
			return h[1]
		}
	}
	return ""
}

// jsonParams adds a parameter per field of a JSON object body, in the
// body's order. A body that is not a JSON object is not taken.
func (b *builder) jsonParams(in core.ParamIn, body string) {
	fields, err := objectFields(body)
	if err != nil {
		b.warn("The body is not a JSON object of fields (%v): it was not taken.", err)
		return
	}
	for _, f := range fields {
		p, note := jsonParam(in, f.name, f.raw)
		if note != "" {
			b.warn("Body field %q %s", f.name, note)
		}
		b.appendParam(p)
	}
}

type jsonField struct {
	name string
	raw  json.RawMessage
}

// objectFields reads a JSON object's fields in order.
func objectFields(body string) ([]jsonField, error) {
	dec := json.NewDecoder(strings.NewReader(body))
	dec.UseNumber()
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return nil, errNotObject
	}
	var out []jsonField
	for dec.More() {
		keyTok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, err
		}
		out = append(out, jsonField{name: keyTok.(string), raw: raw})
	}
	if _, err := dec.Token(); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err == nil {
		return nil, errTrailing
	}
	return out, nil
}

// jsonParam types one field from its JSON value: whole numbers are
// integer, other numbers number, true/false boolean, strings string, an
// array of plain values array. Objects, nested arrays and null keep
// their JSON text as a string default, with a note.
func jsonParam(in core.ParamIn, name string, raw json.RawMessage) (core.Param, string) {
	p := core.Param{Name: name, In: in, Type: core.TypeString}
	var v any
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	_ = dec.Decode(&v)
	switch t := v.(type) {
	case string:
		p.Default = t
	case json.Number:
		p.Type, p.Default = core.TypeNumber, t.String()
		if _, err := strconv.ParseInt(t.String(), 10, 64); err == nil {
			p.Type = core.TypeInteger
		}
	case bool:
		p.Type, p.Default = core.TypeBoolean, strconv.FormatBool(t)
	case []any:
		if list, ok := plainList(t); ok {
			p.Type, p.Default = core.TypeArray, strings.Join(list, ", ")
			return p, ""
		}
		p.Default = string(raw)
		return p, "holds a list AffDesk parameters cannot hold (objects, numbers or values with commas): its JSON was kept as a text default and is sent as a string."
	case nil:
		return p, "is null: it was kept as an empty text parameter."
	default:
		p.Default = string(raw)
		return p, "holds an object, which AffDesk parameters cannot hold: its JSON was kept as a text default and is sent as a string."
	}
	return p, ""
}

// plainList returns a list of strings with no commas as text; ok is false
// for anything else, since an array parameter sends strings.
func plainList(items []any) ([]string, bool) {
	out := make([]string, 0, len(items))
	for _, it := range items {
		s, ok := it.(string)
		if !ok || strings.ContainsAny(s, ",\n") || strings.TrimSpace(s) == "" {
			return nil, false
		}
		out = append(out, s)
	}
	return out, len(out) > 0
}
