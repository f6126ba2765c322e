package postman

import (
	"strings"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/importer/internal/shape"
)

// credentialNames are parameter names that carry credentials: they
// belong to the connection, never to a template.
var credentialNames = map[string]bool{
	"authorization": true, "api-key": true, "api_key": true, "apikey": true, "x-api-key": true,
	"x-auth-token": true, "access_token": true, "token": true, "auth_token": true, "secret": true,
	"password": true, "x-eflow-api-key": true,
}

// kvParams turns query parameters, headers or form fields into
// parameters. An enabled entry with a literal value gets it as default;
// one whose value refers to {{variables}} gets no default, is required,
// and names the variables in its description; a disabled one is
// optional with its value as the example. A description starting with
// "required" marks the parameter required too.
func (r *reader) kvParams(label string, in core.ParamIn, list []keyValue) []core.Param {
	var out []core.Param
	for _, kv := range list {
		name := strings.TrimSpace(kv.Key)
		if name == "" {
			r.warn(label, "A %s entry with no name was left out.", in)
			continue
		}
		if r.skip(label, in, name) {
			continue
		}
		out = append(out, r.kvParam(in, name, kv))
	}
	return out
}

func (r *reader) kvParam(in core.ParamIn, name string, kv keyValue) core.Param {
	value := kv.value()
	desc := strings.TrimSpace(string(kv.Description))
	p := core.Param{Name: name, In: in, Type: core.TypeString}
	switch {
	case kv.Disabled:
		p.Example = literal(value)
	case varRef.MatchString(value):
		p.Required = true
		desc = strings.TrimSpace(desc + "\n" + varNote(value))
		if ex, ok := r.resolve(value); ok {
			p.Example = ex
		}
	default:
		p.Default = value
	}
	p.Required = p.Required || strings.HasPrefix(strings.ToLower(desc), "required")
	p.Description = shape.Clip(desc, shape.MaxDescription)
	return p
}

// skip reports whether an entry is left out: the connection's own
// credential, Content-Type (the body encoding says it), or anything
// named like a credential, which is warned about.
func (r *reader) skip(label string, in core.ParamIn, name string) bool {
	lower := strings.ToLower(name)
	a := r.conn.auth
	switch {
	case in == core.InHeader && lower == "content-type":
		return true
	case (a.kind == "header" || a.kind == "query") && string(in) == a.kind && strings.EqualFold(name, a.name):
		return true
	case in == core.InHeader && lower == "authorization" && (a.kind == "bearer" || a.kind == "basic"):
		return true
	case in != core.InBody && credentialNames[lower]:
		r.warn(label, "%s %q carries credentials and was left out: set them on the connection.", core.Capitalize(string(in)), name)
		return true
	}
	return false
}
