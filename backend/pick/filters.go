package pick

import (
	"regexp"
	"strings"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/ohler55/ojg/jp"
)

// quotedText matches a quoted text value in a filter, skipped when
// counting the filter's '..'.
var quotedText = regexp.MustCompile(`'(\\.|[^'\\])*'|"(\\.|[^"\\])*"`)

// checkFilters refuses a filter that uses '..' more than once: the
// parser evaluates a filter's paths whole, for every item it tests, so
// nested descents there could not be held to Select's limits.
func checkFilters(path string, x jp.Expr) error {
	for _, f := range x {
		if fl, ok := f.(*jp.Filter); ok {
			text := quotedText.ReplaceAllString(fl.String(), "''")
			if strings.Count(text, "..") > 1 {
				return core.Errorf(core.EINVALID, "The filter %s in %q uses '..' more than once: keep at most one, or select in two steps.", fl.String(), path)
			}
		}
	}
	return nil
}

// strictFilters rewrites each comparison of two paths in x's filters so a
// missing field equals nothing: @.a==@.b becomes (@.a==@.b && @.a exists)
// and @.a!=@.b becomes !(that). A filter the rewrite cannot rebuild
// faithfully is kept as parsed.
func strictFilters(x jp.Expr) jp.Expr {
	for i, f := range x {
		if fl, ok := f.(*jp.Filter); ok {
			x[i] = strictFilter(fl)
		}
	}
	return x
}

func strictFilter(fl *jp.Filter) (out *jp.Filter) {
	defer func() {
		if recover() != nil {
			out = fl
		}
	}()
	form := fl.Inspect()
	if !comparesPaths(form) {
		return fl
	}
	if same, ok := rebuild(form, false); !ok || same.Filter().String() != fl.String() {
		return fl
	}
	eq, _ := rebuild(form, true)
	return eq.Filter()
}

// comparesPaths reports whether a form holds == or != between two paths.
func comparesPaths(v any) bool {
	f, ok := v.(*jp.Form)
	if !ok {
		return false
	}
	if f.Op == "==" || f.Op == "!=" {
		_, l := f.Left.(jp.Expr)
		_, r := f.Right.(jp.Expr)
		if l && r {
			return true
		}
	}
	return comparesPaths(f.Left) || comparesPaths(f.Right)
}

// binary builds the parser's equations by operator name.
var binary = map[string]func(l, r *jp.Equation) *jp.Equation{
	"==": jp.Eq, "!=": jp.Neq, "<": jp.Lt, ">": jp.Gt, "<=": jp.Lte, ">=": jp.Gte,
	"||": jp.Or, "&&": jp.And, "+": jp.Add, "-": jp.Sub, "*": jp.Multiply, "/": jp.Divide,
	"in": jp.In, "empty": jp.Empty, "has": jp.Has, "exists": jp.Exists, "=~": jp.Regex,
	"~=": jp.Regex, "match": jp.Match, "search": jp.Search,
}

// rebuild turns a form back into an equation; strict applies the
// missing-field rule to comparisons of two paths.
func rebuild(v any, strict bool) (*jp.Equation, bool) {
	switch t := v.(type) {
	case *jp.Form:
		return rebuildForm(t, strict)
	case jp.Expr:
		return jp.Get(t), true
	case nil:
		return jp.ConstNil(), true
	case bool:
		return jp.ConstBool(t), true
	case int64:
		return jp.ConstInt(t), true
	case float64:
		return jp.ConstFloat(t), true
	case string:
		return jp.ConstString(t), true
	case *regexp.Regexp:
		return jp.ConstRegex(t), true
	case []any:
		return jp.ConstList(t), true
	}
	return nil, false
}

func rebuildForm(f *jp.Form, strict bool) (*jp.Equation, bool) {
	switch f.Op {
	case "!":
		arg, ok := rebuild(f.Left, strict)
		return jp.Not(arg), ok
	case "length", "count":
		x, ok := f.Left.(jp.Expr)
		if f.Op == "length" {
			return jp.Length(x), ok
		}
		return jp.Count(x), ok
	}
	build, known := binary[f.Op]
	l, okL := rebuild(f.Left, strict)
	r, okR := rebuild(f.Right, strict)
	if !known || !okL || !okR {
		return nil, false
	}
	eq := build(l, r)
	lx, lp := f.Left.(jp.Expr)
	_, rp := f.Right.(jp.Expr)
	if strict && lp && rp && (f.Op == "==" || f.Op == "!=") {
		both := jp.And(jp.Eq(jp.Get(lx), r), jp.Exists(jp.Get(lx), jp.ConstBool(true)))
		if f.Op == "!=" {
			return jp.Not(both), true
		}
		return both, true
	}
	return eq, true
}
