package postman

import (
	"regexp"
	"strings"
)

// varRef matches a Postman variable reference: {{name}}.
var varRef = regexp.MustCompile(`\{\{\s*([^{}]*?)\s*\}\}`)

// resolve replaces the collection's literal variables in s; ok is false
// when a reference remains that the collection does not set to a
// literal value.
func (r *reader) resolve(s string) (string, bool) {
	for i := 0; i < 5 && strings.Contains(s, "{{"); i++ {
		s = varRef.ReplaceAllStringFunc(s, func(ref string) string {
			v, ok := r.vars[varRef.FindStringSubmatch(ref)[1]]
			if !ok {
				return ref
			}
			return v
		})
	}
	return s, !varRef.MatchString(s)
}

// varNames returns the names of the variables s refers to.
func varNames(s string) []string {
	var out []string
	for _, m := range varRef.FindAllStringSubmatch(s, 20) {
		out = append(out, m[1])
	}
	return out
}

// varNote describes a value that refers to variables, for a parameter's
// description: "Postman variable {{offer_id}}".
func varNote(value string) string {
	names := varNames(value)
	if len(names) == 0 {
		return ""
	}
	refs := make([]string, len(names))
	for i, n := range names {
		refs[i] = "{{" + n + "}}"
	}
	if len(refs) == 1 {
		return "Postman variable " + refs[0]
	}
	return "Postman variables " + strings.Join(refs, ", ")
}
