package request

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/affdesk/affdesk/backend/core"
)

// maxNamedValues bounds how many identifying values an unknown-outcome
// message names.
const maxNamedValues = 4

// UnknownWrite returns the EUNKNOWN error of a write that was sent but
// whose answer never proved whether the tracker applied it. It says so in
// plain words, names the connection, the method and path, and the values
// that identify the record, and tells the user what to check before
// running it again. Secrets are masked.
func UnknownWrite(call Call, b *Built, resp *Response, err error) *core.Error {
	t := call.Template
	msg := fmt.Sprintf("The %s %s on connection %q may or may not have been applied: the request was sent, then %s. AffDesk did not send it again. "+
		"Open the tracker and check whether %s changed before you run it again; running it twice could apply it twice.",
		t.Method, t.Path, call.Target.ConnectionName, unknownWhy(resp, err), identifying(t, call.Values))
	return core.Errorf(core.EUNKNOWN, "%s", call.masker().String(msg))
}

func unknownWhy(resp *Response, err error) string {
	switch {
	case resp != nil && resp.Status == 502:
		return "a gateway in front of the tracker answered HTTP 502 (bad gateway), which does not say what the tracker did"
	case resp != nil && resp.Status == 504:
		return "a gateway in front of the tracker answered HTTP 504 (gateway timeout), which does not say what the tracker did"
	case resp != nil:
		return fmt.Sprintf("the tracker answered HTTP %d", resp.Status)
	case err != nil && isTimeout(err):
		return "no answer came in time"
	case err != nil && errors.Is(err, context.Canceled):
		return "the call was stopped before the answer came"
	}
	return "the connection dropped before any answer came"
}

// identifying names the record a write was about: its path values and
// the values whose names say they identify something (…id, …ids, sku,
// order), or "the record it changes" when there are none.
func identifying(t core.ActionTemplate, values map[string]string) string {
	var parts []string
	for _, p := range t.Params {
		v := values[p.Name]
		if v == "" {
			v = p.Default
		}
		if v == "" || !(p.In == core.InPath || isIdentifier(p.Name)) {
			continue
		}
		if len(parts) == maxNamedValues {
			break
		}
		parts = append(parts, fmt.Sprintf("%s %s", p.Name, clipValue(v)))
	}
	if len(parts) == 0 {
		return "the record it changes"
	}
	return "the record with " + strings.Join(parts, ", ")
}

func isIdentifier(name string) bool {
	n := strings.ToLower(strings.TrimSuffix(name, "[]"))
	return strings.HasSuffix(n, "id") || strings.HasSuffix(n, "ids") || strings.HasSuffix(n, "_id") || n == "sku" || strings.Contains(n, "order")
}

func clipValue(v string) string {
	if r := []rune(v); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return v
}
