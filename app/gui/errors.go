package gui

import (
	"encoding/json"
	"log"
	"runtime/debug"

	"github.com/affdesk/affdesk/backend/core"
)

// UIError is how an error crosses the Wails binding: the promise rejects
// with this object as JSON, so the view can show the message beside the
// field it names.
type UIError struct {
	Code    string `json:"code"`
	Field   string `json:"field,omitempty"`
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
	return UIError{Code: code, Field: core.ErrorField(err), Message: core.ErrorMessage(err)}
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
