package core

// CheckStatus is the outcome of checking a connection.
type CheckStatus string

// Check outcomes.
const (
	CheckOK          CheckStatus = "ok"
	CheckWrongKey    CheckStatus = "wrong_key"
	CheckWrongURL    CheckStatus = "wrong_url"
	CheckUnreachable CheckStatus = "unreachable"
	CheckTLS         CheckStatus = "tls_error"
	CheckFailed      CheckStatus = "failed"
)

// CheckResult says, in plain words, whether a connection works.
type CheckResult struct {
	Status     CheckStatus `json:"status"`
	Message    string      `json:"message"`
	HTTPStatus int         `json:"httpStatus"`
	DurationMs int64       `json:"durationMs"`
	URL        string      `json:"url"` // the URL that was called, secrets masked
}

// OK reports whether the check passed.
func (r CheckResult) OK() bool { return r.Status == CheckOK }
