// Package postman reads a Postman collection (v2.1, and v2.0, which
// differs only in how auth is written) into action templates and the
// connection they call. Folders become tags, {{variables}} in the path
// become placeholders, and credentials go to the connection and its
// secrets, never into a template.
//
// Disabled query parameters, headers and form fields are kept as
// optional parameters without a default, their value as the example:
// collections list a request's optional inputs that way.
package postman

import (
	"encoding/json"
	"fmt"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/importer"
	"github.com/affdesk/affdesk/backend/importer/internal/shape"
)

// Limits that keep a hostile collection from taking the machine.
const (
	// MaxInput is the largest collection Parse reads.
	MaxInput = 20 << 20
	// MaxRequests is the most requests one import yields.
	MaxRequests = 5000
	// maxDepth bounds folder nesting.
	maxDepth = 32
	// maxExample caps a sample response kept with a candidate.
	maxExample = 64 << 10
	// maxParams bounds the parameters one request yields.
	maxParams = 500
)

// Parse reads one Postman collection. It returns EINVALID when the input
// is too large or is not a collection; anything it reads but cannot take
// becomes a Warning, and every candidate it returns validates once bound
// to a connection.
func Parse(data []byte) (importer.Result, error) {
	if len(data) > MaxInput {
		return importer.Result{}, core.Errorf(core.EINVALID, "The Postman collection is larger than %d MB.", MaxInput>>20)
	}
	var c collection
	if err := json.Unmarshal(data, &c); err != nil {
		return importer.Result{}, core.Errorf(core.EINVALID, "The file is not a Postman collection: %s.", oneLine(err))
	}
	if c.Info.Name == "" && c.Info.Schema == "" && len(c.Item) == 0 {
		return importer.Result{}, core.Errorf(core.EINVALID, "The file is not a Postman collection: it has no info and no items.")
	}
	r := newReader(&c)
	r.flatten(c.Item, nil, c.Auth, 0)
	r.connection()
	for _, q := range r.reqs {
		r.request(q)
	}
	return r.res, nil
}

// reader carries what one import has found so far.
type reader struct {
	c     *collection
	vars  map[string]string
	res   importer.Result
	reqs  []flatRequest
	names *shape.Unique
	keys  *shape.Unique
	conn  connInfo
	// truncated is set once MaxRequests requests were read.
	truncated bool
}

func newReader(c *collection) *reader {
	r := &reader{c: c, vars: map[string]string{}, names: shape.NewNames(), keys: shape.NewUnique(500)}
	r.res = importer.Result{Source: "postman", Secrets: map[string]string{}}
	for _, v := range c.Variable {
		if !v.Disabled && v.Key != "" {
			r.vars[v.Key] = v.value()
		}
	}
	return r
}

// warn records what could not be taken from item.
func (r *reader) warn(item, format string, args ...any) {
	r.res.Warnings = append(r.res.Warnings, importer.Warning{Item: item, Message: fmt.Sprintf(format, args...)})
}

func oneLine(err error) string { return shape.OneLine(err.Error(), 300) }
