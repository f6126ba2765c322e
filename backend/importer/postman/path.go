package postman

import (
	"strings"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/importer/internal/shape"
)

// templatePath joins the path segments into a template path: ":name"
// segments and {{variables}} become {placeholders}, each with a required
// path parameter. On impact.com the /Advertisers/{AccountSID} start,
// which the connection adds, is taken off.
func (r *reader) templatePath(label string, segs []string, vars []keyValue) (string, []core.Param, bool) {
	known := map[string]keyValue{}
	for _, v := range vars {
		known[v.Key] = v
	}
	var params []core.Param
	added := map[string]bool{}
	add := func(name, desc, example string) string {
		plain := shape.PlainName(name)
		if !added[plain] {
			added[plain] = true
			params = append(params, core.Param{Name: plain, In: core.InPath, Type: core.TypeString, Required: true,
				Description: shape.Clip(desc, shape.MaxDescription), Example: example})
		}
		return "{" + plain + "}"
	}
	out := make([]string, 0, len(segs))
	for _, s := range segs {
		out = append(out, r.segment(s, known, add))
	}
	path := r.conn.prefix + "/" + strings.Join(out, "/")
	if r.conn.account == "" {
		return path, params, true
	}
	rest, sid, ok := shape.StripImpactAccount(path, r.conn.account)
	if !ok {
		r.warn(label, "Not imported: the path does not start with /%s/{AccountSID}, which the impact.com connection calls.", r.conn.account)
		return "", nil, false
	}
	return rest, dropParam(params, sid), true
}

// segment rewrites one path segment's variables as placeholders.
func (r *reader) segment(s string, known map[string]keyValue, add func(name, desc, example string) string) string {
	if strings.HasPrefix(s, ":") && len(s) > 1 {
		v := known[s[1:]]
		example, _ := r.resolve(v.value())
		return add(s[1:], string(v.Description), literal(example))
	}
	return varRef.ReplaceAllStringFunc(s, func(ref string) string {
		name := varRef.FindStringSubmatch(ref)[1]
		example, _ := r.resolve(ref)
		return add(name, "Postman variable {{"+name+"}}", literal(example))
	})
}

// literal returns s unless it still refers to a variable.
func literal(s string) string {
	if varRef.MatchString(s) {
		return ""
	}
	return s
}

func dropParam(params []core.Param, name string) []core.Param {
	out := params[:0]
	for _, p := range params {
		if p.Name != name {
			out = append(out, p)
		}
	}
	return out
}
