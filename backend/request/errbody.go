package request

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"strings"

	"github.com/affdesk/affdesk/backend/core"
)

// maxErrorScan is the largest body searched for an error envelope; larger
// successful bodies are data.
const maxErrorScan = 1 << 20

// ReadError returns the error a tracker reports in a response, in its own
// words, or "" when the response reports none. It knows impact.com's
// {"Status":"ERROR","Message","Errors"}, Affise's {"status":2,"message"}
// (also inside HTTP 200), CAKE's success=false (JSON, {"d":…} or XML),
// Everflow's {"error"} and the common message/error fields of other APIs.
func ReadError(platform core.Platform, status int, body []byte) string {
	if len(body) > maxErrorScan {
		if status >= 400 {
			return fmt.Sprintf("HTTP %d", status)
		}
		return ""
	}
	if msg := readErrorBody(platform, status, body); msg != "" {
		return msg
	}
	if status >= 400 {
		return fmt.Sprintf("HTTP %d", status)
	}
	return ""
}

func readErrorBody(platform core.Platform, status int, body []byte) string {
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) > 0 && trimmed[0] == '<' {
		return cakeXMLError(trimmed)
	}
	var m map[string]any
	if json.Unmarshal(trimmed, &m) != nil {
		return ""
	}
	if d, ok := m["d"].(map[string]any); ok && platform == core.PlatformCake {
		m = d
	}
	for _, read := range []func(map[string]any) string{impactError, affiseError, cakeError, genericError} {
		if msg := read(m); msg != "" {
			return clip(msg)
		}
	}
	if status >= 400 {
		return clip(text(m["message"]))
	}
	return ""
}

func impactError(m map[string]any) string {
	if s, _ := m["Status"].(string); !strings.EqualFold(s, "ERROR") {
		return ""
	}
	msg := text(m["Message"])
	var parts []string
	if errs, ok := m["Errors"].([]any); ok {
		for _, e := range errs {
			if em, ok := e.(map[string]any); ok {
				if f, x := text(em["Field"]), text(em["Message"]); x != "" && x != msg {
					parts = append(parts, strings.TrimSpace(f+": "+x))
				}
			}
		}
	}
	if len(parts) > 0 {
		msg = strings.TrimSpace(msg + " (" + strings.Join(parts, "; ") + ")")
	}
	if msg == "" {
		msg = "The tracker reported an error."
	}
	return msg
}

// affiseError reads {"status":2,…}: go-sdk treats any status but 1 as an error.
func affiseError(m map[string]any) string {
	st, ok := m["status"].(float64)
	if !ok || st == 1 {
		return ""
	}
	for _, k := range []string{"message", "error"} {
		if s := text(m[k]); s != "" {
			return s
		}
	}
	return fmt.Sprintf("The tracker answered status %v.", st)
}

func cakeError(m map[string]any) string {
	failed := m["success"] == false || m["success"] == "false" || strings.EqualFold(text(m["request_status"]), "Failure")
	if !failed {
		return ""
	}
	if s := text(m["message"]); s != "" {
		return s
	}
	return "The tracker reported a failure."
}

func genericError(m map[string]any) string {
	if s := text(m["error"]); s != "" {
		return s
	}
	if e, ok := m["error"].(map[string]any); ok {
		return text(e["message"])
	}
	if errs, ok := m["errors"].([]any); ok && len(errs) > 0 {
		if em, ok := errs[0].(map[string]any); ok {
			return text(em["message"])
		}
		return text(errs[0])
	}
	return ""
}

// cakeXMLError reads CAKE's XML answers: <success>false</success><message>…</message>.
func cakeXMLError(body []byte) string {
	var v struct {
		Success string `xml:"success"`
		Message string `xml:"message"`
	}
	if xml.Unmarshal(body, &v) != nil || !strings.EqualFold(strings.TrimSpace(v.Success), "false") {
		return ""
	}
	if v.Message == "" {
		return "The tracker reported a failure."
	}
	return clip(strings.TrimSpace(v.Message))
}

// text renders a JSON scalar as text; other values give "".
func text(v any) string {
	switch t := v.(type) {
	case string:
		return strings.TrimSpace(t)
	case float64, bool:
		return fmt.Sprint(t)
	}
	return ""
}

func clip(s string) string {
	if r := []rune(s); len(r) > 500 {
		return string(r[:500]) + "…"
	}
	return s
}

// Failure words a tracker's refusal for the user: a refused key (HTTP 401
// or 403, or a tracker's "invalid key" inside any answer, such as Affise's
// "Auth Denied" or CAKE's "Invalid API Key") names the connection and is
// EUNAUTHORIZED; anything else is EINVALID or EUNAVAILABLE with the
// tracker's own message.
func Failure(connection string, status int, trackerMsg string) *core.Error {
	code := fmt.Sprintf("HTTP %d", status)
	if trackerMsg != "" && trackerMsg != code {
		code += ": " + trackerMsg
	}
	switch {
	case status == 401 || status == 403 || RefusesKey(trackerMsg):
		return core.Errorf(core.EUNAUTHORIZED, "The tracker refused the key of connection %q (%s). Check the key or token in the connection, and that it has API access.", connection, code)
	case status == 429:
		return core.Errorf(core.EUNAVAILABLE, "%s is rate-limiting AffDesk (%s). Lower the connection's rate limit or try later.", connection, code)
	case status >= 500:
		return core.Errorf(core.EUNAVAILABLE, "%s had an internal error (%s).", connection, code)
	case status >= 400:
		return core.Errorf(core.EINVALID, "%s rejected the request (%s).", connection, code)
	}
	return core.Errorf(core.EINVALID, "%s reported an error: %s", connection, trackerMsg)
}
