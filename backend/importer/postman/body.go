package postman

import (
	"bytes"
	"encoding/json"
	"regexp"
	"sort"
	"strings"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/importer/internal/shape"
)

// bareVar matches a {{variable}} written outside quotes in a JSON body,
// as Postman allows for numbers: "id": {{offer_id}}.
var bareVar = regexp.MustCompile(`([:\[,]\s*)(\{\{[^{}"]*\}\})`)

// body returns the request body's fields as body parameters and the
// encoding to send them with.
func (r *reader) body(label string, b *body) ([]core.Param, core.BodyEncoding) {
	none := core.BodyJSON
	if r.conn.platform == core.PlatformImpact {
		none = core.BodyForm // as impact.com's presets send
	}
	if b == nil || b.Disabled {
		return nil, none
	}
	switch strings.ToLower(b.Mode) {
	case "urlencoded":
		return r.kvParams(label, core.InBody, b.URLEncoded), core.BodyForm
	case "formdata":
		return r.kvParams(label, core.InBody, r.textFields(label, b.FormData)), core.BodyForm
	case "raw":
		return r.rawBody(label, b), core.BodyJSON
	case "":
		return nil, none
	}
	r.warn(label, "A %s body is not supported and was left out.", b.Mode)
	return nil, none
}

// textFields leaves out file fields, which AffDesk does not upload.
func (r *reader) textFields(label string, list []keyValue) []keyValue {
	var out []keyValue
	for _, kv := range list {
		if strings.EqualFold(kv.Type, "file") {
			r.warn(label, "File field %q was left out: AffDesk does not upload files.", kv.Key)
			continue
		}
		out = append(out, kv)
	}
	return out
}

// rawBody reads a raw JSON object's top-level fields as parameters.
func (r *reader) rawBody(label string, b *body) []core.Param {
	raw := strings.TrimSpace(b.Raw)
	if raw == "" {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader([]byte(bareVar.ReplaceAllString(raw, `$1"$2"`))))
	dec.UseNumber()
	var obj map[string]any
	if err := dec.Decode(&obj); err != nil {
		r.warn(label, "The raw body is not a JSON object: it was left out.")
		return nil
	}
	names := make([]string, 0, len(obj))
	for k := range obj {
		names = append(names, k)
	}
	sort.Strings(names)
	var out []core.Param
	for _, name := range names {
		out = append(out, r.jsonField(label, name, obj[name]))
	}
	return out
}

// jsonField types one field of a JSON body from its value.
func (r *reader) jsonField(label, name string, v any) core.Param {
	p := core.Param{Name: name, In: core.InBody, Type: core.TypeString}
	switch x := v.(type) {
	case json.Number:
		p.Type, p.Default = core.TypeNumber, x.String()
		if !strings.ContainsAny(x.String(), ".eE") {
			p.Type = core.TypeInteger
		}
	case bool:
		p.Type, p.Default = core.TypeBoolean, jsonText(x)
	case string:
		return r.kvParam(core.InBody, name, keyValue{Value: x})
	case nil:
	case []any:
		if scalars(x) {
			p.Type, p.Default = core.TypeArray, joinScalars(x)
			break
		}
		r.warn(label, "Field %q (body) is a list of objects: it is taken as text.", name)
		p.Example = shape.Clip(jsonText(x), shape.MaxDescription)
	default:
		r.warn(label, "Field %q (body) is an object: it is taken as text.", name)
		p.Example = shape.Clip(jsonText(x), shape.MaxDescription)
	}
	return p
}

func scalars(list []any) bool {
	for _, e := range list {
		switch e.(type) {
		case map[string]any, []any:
			return false
		}
	}
	return true
}

func joinScalars(list []any) string {
	parts := make([]string, 0, len(list))
	for _, e := range list {
		if s, ok := e.(string); ok {
			parts = append(parts, s)
			continue
		}
		parts = append(parts, jsonText(e))
	}
	return strings.Join(parts, ", ")
}

func jsonText(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// example returns the first saved success response whose body is JSON.
func example(responses []response) string {
	for _, resp := range responses {
		body := strings.TrimSpace(resp.Body)
		if (resp.Code == 0 || resp.Code/100 == 2) && body != "" && len(body) <= maxExample && json.Valid([]byte(body)) {
			return body
		}
	}
	return ""
}
