package curl

import "errors"

var (
	errNotObject = errors.New("it is JSON, but not an object")
	errTrailing  = errors.New("it has more after the JSON object")
)
