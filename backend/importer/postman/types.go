package postman

import (
	"encoding/json"
	"strings"
)

// collection is a Postman collection, v2.0 or v2.1: the two differ only
// in how auth parameters are written, which authBlock reads either way.
type collection struct {
	Info struct {
		Name   string `json:"name"`
		Schema string `json:"schema"`
	} `json:"info"`
	Item     []item     `json:"item"`
	Auth     *authBlock `json:"auth"`
	Variable []keyValue `json:"variable"`
}

// item is a folder (with Item) or a request.
type item struct {
	Name        string     `json:"name"`
	Description text       `json:"description"`
	Item        []item     `json:"item"`
	Request     *request   `json:"request"`
	Response    []response `json:"response"`
	Auth        *authBlock `json:"auth"`
}

// isFolder reports whether the item groups other items.
func (it item) isFolder() bool { return it.Request == nil && it.Item != nil }

type request struct {
	Method      string     `json:"method"`
	URL         urlField   `json:"url"`
	Header      []keyValue `json:"header"`
	Body        *body      `json:"body"`
	Auth        *authBlock `json:"auth"`
	Description text       `json:"description"`
}

// UnmarshalJSON reads a request written as its URL alone, too.
func (r *request) UnmarshalJSON(data []byte) error {
	var s string
	if json.Unmarshal(data, &s) == nil {
		r.Method, r.URL = "GET", urlField{Raw: s}
		return nil
	}
	type plain request
	return json.Unmarshal(data, (*plain)(r))
}

type body struct {
	Mode       string     `json:"mode"`
	Raw        string     `json:"raw"`
	URLEncoded []keyValue `json:"urlencoded"`
	FormData   []keyValue `json:"formdata"`
	Disabled   bool       `json:"disabled"`
	Options    struct {
		Raw struct {
			Language string `json:"language"`
		} `json:"raw"`
	} `json:"options"`
}

type response struct {
	Code int    `json:"code"`
	Body string `json:"body"`
}

// keyValue is a query parameter, header, form field or variable.
type keyValue struct {
	Key         string `json:"key"`
	Value       any    `json:"value"`
	Disabled    bool   `json:"disabled"`
	Description text   `json:"description"`
	Type        string `json:"type"`
}

// value returns the entry's value as text.
func (kv keyValue) value() string {
	switch v := kv.Value.(type) {
	case nil:
		return ""
	case string:
		return v
	}
	b, _ := json.Marshal(kv.Value)
	return string(b)
}

// text is a description written as a string or as {content: …}.
type text string

// UnmarshalJSON reads both forms and ignores any other.
func (t *text) UnmarshalJSON(data []byte) error {
	var s string
	if json.Unmarshal(data, &s) == nil {
		*t = text(s)
		return nil
	}
	var obj struct {
		Content string `json:"content"`
	}
	if json.Unmarshal(data, &obj) == nil {
		*t = text(obj.Content)
	}
	return nil
}

// urlField is a request URL written as a string or as its parts.
type urlField struct {
	Raw      string     `json:"raw"`
	Protocol string     `json:"protocol"`
	Host     parts      `json:"host"`
	Port     string     `json:"port"`
	Path     parts      `json:"path"`
	Query    []keyValue `json:"query"`
	Variable []keyValue `json:"variable"`
	parsed   bool
}

// UnmarshalJSON reads a URL string or object.
func (u *urlField) UnmarshalJSON(data []byte) error {
	var s string
	if json.Unmarshal(data, &s) == nil {
		*u = urlField{Raw: s}
		return nil
	}
	type plain urlField
	if err := json.Unmarshal(data, (*plain)(u)); err != nil {
		return err
	}
	u.parsed = true
	return nil
}

// parts is a host or path written as a list of segments or one string.
type parts []string

// UnmarshalJSON reads a list (of strings or {value: …}) or a string.
func (p *parts) UnmarshalJSON(data []byte) error {
	var s string
	if json.Unmarshal(data, &s) == nil {
		*p = strings.Split(s, "/")
		return nil
	}
	var list []json.RawMessage
	if err := json.Unmarshal(data, &list); err != nil {
		return nil
	}
	for _, raw := range list {
		var seg string
		if json.Unmarshal(raw, &seg) != nil {
			var obj struct {
				Value string `json:"value"`
			}
			_ = json.Unmarshal(raw, &obj)
			seg = obj.Value
		}
		*p = append(*p, seg)
	}
	return nil
}
