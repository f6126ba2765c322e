package postman

import (
	"encoding/json"
	"strings"
)

// authBlock is an auth setting: a type and its parameters, written as a
// list of {key, value} (v2.1) or as an object (v2.0).
type authBlock struct {
	Type   string
	Params map[string]string
}

// UnmarshalJSON reads both forms; it keeps only the parameters of the
// block's own type.
func (a *authBlock) UnmarshalJSON(data []byte) error {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil
	}
	_ = json.Unmarshal(raw["type"], &a.Type)
	a.Type = strings.ToLower(strings.TrimSpace(a.Type))
	a.Params = map[string]string{}
	body := raw[a.Type]
	var list []keyValue
	if json.Unmarshal(body, &list) == nil {
		for _, kv := range list {
			a.Params[strings.ToLower(kv.Key)] = kv.value()
		}
		return nil
	}
	var obj map[string]any
	if json.Unmarshal(body, &obj) == nil {
		for k, v := range obj {
			a.Params[strings.ToLower(k)] = keyValue{Value: v}.value()
		}
	}
	return nil
}

// authInfo is the credentials a request sends, as the connection holds
// them: a kind ("header", "query", "basic", "bearer", "none"), the key's
// name, a user name and the secret, each as written (variables and all).
type authInfo struct {
	kind, name, user, secret string
}

// signature identifies the way of authenticating, not the credentials.
func (a authInfo) signature() string { return a.kind + ":" + strings.ToLower(a.name) }

// describe names the way of authenticating for a warning.
func (a authInfo) describe() string {
	switch a.kind {
	case "header", "query":
		return "an API key in the " + a.kind + " " + a.name
	case "none":
		return "no authentication"
	}
	return a.kind + " authentication"
}

// authOf reads a Postman auth block. ok is false for a kind AffDesk does
// not send.
func authOf(a *authBlock) (authInfo, bool) {
	if a == nil || a.Type == "" || a.Type == "noauth" {
		return authInfo{kind: "none"}, true
	}
	p := a.Params
	switch a.Type {
	case "apikey":
		in := strings.ToLower(p["in"])
		if in != "query" {
			in = "header"
		}
		name := p["key"]
		if name == "" {
			name = "X-API-Key"
		}
		return authInfo{kind: in, name: name, secret: p["value"]}, true
	case "bearer":
		return authInfo{kind: "bearer", secret: p["token"]}, true
	case "basic":
		return authInfo{kind: "basic", user: p["username"], secret: p["password"]}, true
	}
	return authInfo{kind: "none"}, false
}
