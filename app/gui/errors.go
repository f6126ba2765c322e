package gui

import (
	"encoding/json"
	"log"
	"runtime/debug"

	"github.com/affdesk/affdesk/backend/core"
)

// UIError is how an error crosses the Wails binding: the promise rejects
// with this object as JSON, so the view can show the message beside the
// field it names. Code, Field and Message are the first problem; Fields
// lists every field in error when a check found several, so a form marks
// them all at once.
type UIError struct {
	Code    string         `json:"code"`
	Field   string         `json:"field,omitempty"`
	Message string         `json:"message"`
	Fields  []UIFieldError `json:"fields,omitempty"`
}

// UIFieldError is one field's problem within a UIError.
type UIFieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

func (e UIError) Error() string {
	b, _ := json.Marshal(e)
	return string(b)
}

// uiError maps err for the view. Internal errors are logged (they hold no
// secret: none reaches an error) and shown as "Internal error.".
func uiError(err error) error {
	if err == nil {
		return nil
	}
	code := core.ErrorCode(err)
	if code == core.EINTERNAL {
		log.Printf("internal error: %v", err)
	}
	return UIError{Code: code, Field: core.ErrorField(err), Message: core.ErrorMessage(err), Fields: fieldErrors(err)}
}

// fieldErrors lists each field's problem when err holds more than one.
func fieldErrors(err error) []UIFieldError {
	all := core.AllErrors(err)
	if len(all) < 2 {
		return nil
	}
	out := make([]UIFieldError, 0, len(all))
	for _, e := range all {
		if e.Code != core.EINTERNAL {
			out = append(out, UIFieldError{Field: e.Field, Message: e.Message})
		}
	}
	return out
}

// guard runs a bound method's body: it maps the error for the view and
// turns a panic into a logged internal error, so none reaches the user.
func guard[T any](f func() (T, error)) (v T, err error) {
	defer func() {
		if r := recover(); r != nil {
			log.Printf("panic in a bound method: %v\n%s", r, debug.Stack())
			var zero T
			v, err = zero, UIError{Code: core.EINTERNAL, Message: "Internal error."}
		}
	}()
	v, err = f()
	return v, uiError(err)
}

// guardErr is guard for methods that return only an error.
func guardErr(f func() error) error {
	_, err := guard(func() (struct{}, error) { return struct{}{}, f() })
	return err
}
