package core

import (
	"strings"
	"time"
	"unicode/utf8"
)

// MaxNameLength is the most characters a connection, template or
// automation name may hold. The window's name fields use the same limit.
const MaxNameLength = 200

// validateName checks a record's trimmed name: not empty, on one line and
// at most MaxNameLength characters. Errors name the field "name".
func validateName(name string) error {
	switch {
	case name == "":
		return FieldError("name", "Name is required.")
	case utf8.RuneCountInString(name) > MaxNameLength:
		return FieldError("name", "Name is too long (at most %d characters).", MaxNameLength)
	case strings.ContainsAny(name, "\r\n"):
		return FieldError("name", "Name must be on one line.")
	}
	return nil
}

// ValidTimezone checks an IANA timezone name ("Local" is refused: it
// differs between machines). field names the error's field.
func ValidTimezone(field, tz string) error {
	if tz == "" || tz == "Local" {
		return FieldError(field, "%q is not an IANA timezone name (try Europe/Berlin or UTC).", tz)
	}
	if _, err := time.LoadLocation(tz); err != nil {
		return FieldError(field, "%q is not an IANA timezone name (try Europe/Berlin or UTC).", tz)
	}
	return nil
}
