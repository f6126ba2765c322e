package app

import (
	"encoding/json"
	"log"

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

// wrap returns v with err mapped for the view.
func wrap[T any](v T, err error) (T, error) { return v, uiError(err) }
