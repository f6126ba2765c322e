// Package core holds AffDesk's domain: connections, action templates, their
// validation rules, coded errors and the interfaces the adapters implement.
// It imports nothing else of AffDesk.
package core

import (
	"errors"
	"fmt"
)

// Error codes shared by every layer. The UI shows the message of an error
// with any code but EINTERNAL; for EINTERNAL it shows "internal error".
const (
	EINVALID      = "invalid"      // the user's input breaks a rule
	ENOTFOUND     = "not_found"    // the record does not exist
	ECONFLICT     = "conflict"     // the action clashes with saved data
	EUNAVAILABLE  = "unavailable"  // a needed resource (file, keychain) is busy or missing
	EUNAUTHORIZED = "unauthorized" // a tracker refused the credentials
	EUNKNOWN      = "unknown"      // a write was sent but no answer proves whether it was applied
	EINTERNAL     = "internal"     // a bug or an unexpected failure
)

// Error is an application error with a stable code, a message fit for the
// user, and optionally the field the message is about (e.g. "path" or
// "params[2].name") so the UI can show it beside that field.
type Error struct {
	Code    string
	Field   string
	Message string
}

// Error implements the error interface.
func (e *Error) Error() string {
	if e.Field != "" {
		return fmt.Sprintf("%s: %s", e.Field, e.Message)
	}
	return e.Message
}

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// FieldError returns an EINVALID error about one field.
func FieldError(field, format string, args ...any) *Error {
	return &Error{Code: EINVALID, Field: field, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, "" for nil
// and EINTERNAL for any other error.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorField returns the field named by the first *Error in err's chain.
func ErrorField(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Field
	}
	return ""
}

// ErrorMessage returns the user-facing text of err: the message of its
// *Error, which names the field in words, or "Internal error." for
// anything else.
func ErrorMessage(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) && e.Code != EINTERNAL {
		return e.Message
	}
	return "Internal error."
}
