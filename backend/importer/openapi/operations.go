package openapi

import (
	"sort"
	"strings"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/getkin/kin-openapi/openapi3"
)

// opRef is one operation with the path item it belongs to.
type opRef struct {
	path   string
	method string
	item   *openapi3.PathItem
	op     *openapi3.Operation
}

// label names the operation in warnings and keys: "GET /offers".
func (o opRef) label() string { return o.method + " " + o.path }

// allOperations lists the document's operations by path, then in the
// order GET, POST, PUT, PATCH, DELETE, then any other method.
func (r *reader) allOperations() []opRef {
	if r.doc.Paths == nil {
		return nil
	}
	paths := r.doc.Paths.Map()
	keys := make([]string, 0, len(paths))
	for k := range paths {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var out []opRef
	for _, path := range keys {
		item := paths[path]
		if item == nil {
			continue
		}
		out = append(out, itemOperations(path, item)...)
	}
	return out
}

func itemOperations(path string, item *openapi3.PathItem) []opRef {
	ops := item.Operations()
	methods := make([]string, 0, len(ops))
	for m := range ops {
		methods = append(methods, m)
	}
	sort.Slice(methods, func(i, j int) bool {
		return methodRank(methods[i]) < methodRank(methods[j]) || (methodRank(methods[i]) == methodRank(methods[j]) && methods[i] < methods[j])
	})
	out := make([]opRef, 0, len(methods))
	for _, m := range methods {
		if ops[m] != nil {
			out = append(out, opRef{path: path, method: strings.ToUpper(m), item: item, op: ops[m]})
		}
	}
	return out
}

func methodRank(m string) int {
	for i, x := range core.Methods {
		if strings.EqualFold(m, x) {
			return i
		}
	}
	return len(core.Methods)
}

// operations turns each operation into a candidate, within MaxOperations.
func (r *reader) operations() {
	ops := r.allOperations()
	if len(ops) > MaxOperations {
		r.warn("paths", "The document has %d operations; only the first %d were read.", len(ops), MaxOperations)
		ops = ops[:MaxOperations]
	}
	for _, o := range ops {
		r.operation(o)
	}
}
