package curl

import (
	"fmt"
	"strings"

	"github.com/affdesk/affdesk/backend/importer"
)

// Request is one HTTP request as a cURL command states it: the method,
// the full URL with its query, the headers in order and the body.
type Request struct {
	Method  string
	URL     string
	Headers [][2]string
	Body    string
}

// Parsed is a cURL command read into the request curl would send, with
// what a template keeps apart: the -u credentials and multipart fields.
type Parsed struct {
	Request
	// User and Password come from -u; HasUser says -u was given.
	User, Password string
	HasUser        bool
	// Form holds the text fields of -F (a multipart body); Body is then
	// empty.
	Form [][2]string
	// BodyFromFile says part of the body is read from a file or standard
	// input curl would read: Body holds "@name" for it, as written.
	BodyFromFile bool
	Warnings     []importer.Warning
}

// state is the parse of one curl command in progress.
type state struct {
	p        Parsed
	cmd      command
	method   string // from -X
	head     bool
	get      bool
	upload   string
	data     []string
	jsonBody bool
	urls     []string
	query    []string // --url-query parts, already encoded
	cookies  []string
	forms    int  // -F options seen, file uploads included
	stop     bool // --next: the rest is another request
}

func (s *state) warn(format string, args ...any) {
	s.p.Warnings = append(s.p.Warnings, importer.Warning{Item: "curl", Message: fmt.Sprintf(format, args...)})
}

// hasHeader reports whether a header of the name (any case) is set.
func (s *state) hasHeader(name string) bool {
	for _, h := range s.p.Headers {
		if strings.EqualFold(h[0], name) {
			return true
		}
	}
	return false
}

func (s *state) addHeader(name, value string) {
	s.p.Headers = append(s.p.Headers, [2]string{name, value})
}
