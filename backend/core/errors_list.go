package core

import (
	"errors"
	"strings"
)

// Errors is every problem one check found, so a form can mark all its
// fields at once. It unwraps to its members: ErrorCode, ErrorField and
// ErrorMessage read the first, so callers that show one error (the command
// line, an import) keep working unchanged.
type Errors []*Error

// Error joins the members' texts with "; ".
func (es Errors) Error() string {
	parts := make([]string, len(es))
	for i, e := range es {
		parts[i] = e.Error()
	}
	return strings.Join(parts, "; ")
}

// Unwrap returns the members, for errors.As and errors.Is.
func (es Errors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

// Err returns nil for no members, the lone *Error for one, or es.
func (es Errors) Err() error {
	switch len(es) {
	case 0:
		return nil
	case 1:
		return es[0]
	}
	return es
}

// Collect runs every check and returns all the coded errors they found,
// one per field (the first wins when two checks name the same field). An
// error that is not coded stops the collection and is returned as is.
func Collect(checks ...func() error) error {
	var es Errors
	seen := map[string]bool{}
	for _, check := range checks {
		err := check()
		if err == nil {
			continue
		}
		found := AllErrors(err)
		if len(found) == 0 {
			return err
		}
		for _, e := range found {
			if e.Field == "" || !seen[e.Field] {
				seen[e.Field] = true
				es = append(es, e)
			}
		}
	}
	return es.Err()
}

// AllErrors returns every *Error in err: the members of an Errors, or the
// first *Error in its chain. It returns nil when err holds none.
func AllErrors(err error) []*Error {
	var list Errors
	if errors.As(err, &list) {
		return list
	}
	var e *Error
	if errors.As(err, &e) {
		return []*Error{e}
	}
	return nil
}
