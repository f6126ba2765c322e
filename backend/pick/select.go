package pick

import (
	"strings"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/ohler55/ojg/jp"
)

// Compile parses a JSONPath. A bad path is an EINVALID error that quotes
// ojg's reason, so a typo is caught when the step is saved, not at 3 a.m.
func Compile(path string) (x jp.Expr, err error) {
	defer func() {
		if r := recover(); r != nil {
			x, err = nil, core.Errorf(core.EINVALID, "%q is not a JSONPath.", path)
		}
	}()
	path = strings.TrimSpace(path)
	if !strings.HasPrefix(path, "$") {
		return nil, core.Errorf(core.EINVALID, "%q is not a JSONPath: it must start with $.", path)
	}
	x, err = jp.ParseString(path)
	if err != nil {
		return nil, core.Errorf(core.EINVALID, "%q is not a JSONPath: %v.", path, err)
	}
	return x, nil
}

// Select returns the values x selects in the document, in order.
func (d *Document) Select(x jp.Expr) []any { return SelectIn(d.root, x) }

// SelectIn returns the values x selects in v (a value parsed by ojg or
// encoding/json). It never panics.
func SelectIn(v any, x jp.Expr) (out []any) {
	defer func() {
		if r := recover(); r != nil {
			out = nil
		}
	}()
	return x.Get(v)
}

// Value returns the root value, for callers that keep selecting.
func (d *Document) Value() any { return d.root }
