// Package openapi reads an OpenAPI 3.0 or 3.1 document, or a Swagger 2.0
// one, in JSON or YAML, into action templates and the connection they
// call. It never reads a $ref outside the document: a file or URL
// reference is refused, so importing a file sends no request anywhere.
package openapi

import (
	"fmt"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/importer"
	"github.com/affdesk/affdesk/backend/importer/internal/shape"
	"github.com/getkin/kin-openapi/openapi3"
)

// Limits that keep a hostile document from taking the machine.
const (
	// MaxInput is the largest document Parse reads.
	MaxInput = 20 << 20
	// MaxOperations is the most operations one import yields; the rest
	// are named in a warning.
	MaxOperations = 5000
	// maxExample caps a sample response kept with a candidate.
	maxExample = 64 << 10
)

// Parse reads one OpenAPI or Swagger document. It returns EINVALID when
// the input is too large, is not such a document, or refers to another
// file or URL; anything it reads but cannot take becomes a Warning, and
// every candidate it returns validates once bound to a connection.
func Parse(data []byte) (res importer.Result, err error) {
	if len(data) > MaxInput {
		return res, core.Errorf(core.EINVALID, "The OpenAPI file is larger than %d MB.", MaxInput>>20)
	}
	defer func() {
		if r := recover(); r != nil {
			res, err = importer.Result{}, core.Errorf(core.EINVALID, "The OpenAPI file could not be read: %v.", r)
		}
	}()
	doc, err := load(data)
	if err != nil {
		return res, err
	}
	return read(doc), nil
}

// reader carries what one import has found so far.
type reader struct {
	doc    *openapi3.T
	res    importer.Result
	names  *shape.Unique
	keys   *shape.Unique
	target target
}

func read(doc *openapi3.T) importer.Result {
	r := &reader{
		doc:   doc,
		res:   importer.Result{Source: "openapi", Secrets: map[string]string{}},
		names: shape.NewNames(),
		keys:  shape.NewUnique(500),
	}
	r.connection()
	r.operations()
	return r.res
}

// warn records what could not be taken from item.
func (r *reader) warn(item, format string, args ...any) {
	r.res.Warnings = append(r.res.Warnings, importer.Warning{Item: item, Message: fmt.Sprintf(format, args...)})
}
