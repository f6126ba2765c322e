package shape

import (
	"strings"

	"github.com/affdesk/affdesk/backend/core"
)

// Method returns the upper-case method and whether a template may use it.
func Method(m string) (string, bool) {
	m = strings.ToUpper(strings.TrimSpace(m))
	for _, ok := range core.Methods {
		if m == ok {
			return m, true
		}
	}
	return m, false
}

// Kind returns what a request with the given method does to the
// tracker's data: a GET reads, a POST adds, PUT, PATCH and DELETE edit
// what exists.
func Kind(method string) core.Kind {
	switch method {
	case "GET":
		return core.KindGet
	case "POST":
		return core.KindAdd
	}
	return core.KindEdit
}
