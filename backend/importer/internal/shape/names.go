package shape

import (
	"strings"

	"github.com/affdesk/affdesk/backend/core"
)

// PlainName turns any text into a name core.ValidName accepts: characters
// other than letters, digits, '_', '.' and '-' become '_', a leading digit
// or sign gets a '_' before it, and the result holds at most 100
// characters. An empty text becomes "param".
func PlainName(s string) string {
	var b strings.Builder
	for _, r := range strings.TrimSpace(s) {
		if r == '_' || r == '.' || r == '-' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	name := b.String()
	if name == "" {
		return "param"
	}
	if c := name[0]; c != '_' && !(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z') {
		name = "_" + name
	}
	if len(name) > 100 {
		name = name[:100]
	}
	if !core.ValidName(name) {
		return "param"
	}
	return name
}

// validParamName reports whether a query, body or header parameter name
// is one AffDesk accepts in that place.
func validParamName(in core.ParamIn, name string) bool {
	p := core.Param{Name: name, In: in, Type: core.TypeString}
	return p.Validate(0) == nil
}
