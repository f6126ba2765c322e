// Package importer turns requests users already have elsewhere (a cURL
// command, an OpenAPI file, a Postman collection) into action templates
// and the connection they call. It reads and converts only: nothing is
// saved here. The caller checks and saves a Result the same way as any
// other import, in one transaction.
package importer

import "github.com/affdesk/affdesk/backend/core"

// Result is what one source yields. Templates have no ID and no
// ConnectionID yet; the caller binds them to Connection (or to a stored
// connection on the same host) when it saves them.
type Result struct {
	// Source names the kind of input: "curl", "openapi" or "postman".
	Source string `json:"source"`
	// Connection is the connection the requests call, proposed from the
	// source's host, servers and credentials. It has no ID.
	Connection core.Connection `json:"connection"`
	// Secrets holds credentials found in the source, by the connection's
	// secret field key (token, api_key, password, …). They go to the
	// secret store, never into a template.
	Secrets map[string]string `json:"-"`
	// Candidates are the requests found, in source order.
	Candidates []Candidate `json:"candidates"`
	// Warnings name everything the source held that could not be taken.
	Warnings []Warning `json:"warnings"`
}

// Candidate is one request of the source, ready to become a template.
type Candidate struct {
	// Key identifies the candidate within its Result (operation ID, folder
	// path plus request name, or "curl"), so a user's pick can name it.
	Key      string              `json:"key"`
	Template core.ActionTemplate `json:"template"`
	// Example is a sample response body from the source, if it had one.
	Example string `json:"example,omitempty"`
}

// Warning names one item of the source and what could not be taken from
// it, e.g. {Item: "curl", Message: "--cookie-jar is not supported"}.
type Warning struct {
	Item    string `json:"item"`
	Message string `json:"message"`
}
