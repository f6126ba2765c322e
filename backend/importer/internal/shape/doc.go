// Package shape holds what the OpenAPI and Postman readers share when
// they turn a request into an action template: the kind a method implies,
// unique names and keys, text trimmed to fit, parameter names fixed up to
// what AffDesk accepts, and the final check that a template validates.
package shape
