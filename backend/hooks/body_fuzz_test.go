package hooks_test

import (
	"encoding/json"
	"testing"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/hooks"
)

// FuzzVars checks that any body either is refused as not an object or
// gives variables that are all valid webhook names holding text, with
// webhook_body the body itself.
func FuzzVars(f *testing.F) {
	for _, seed := range []string{`{}`, `{"a":1}`, `{"amount": 1e400, "x-y": [1, {"b": null}]}`, `[]`, `"s"`, `{"a":1} x`, ` {"body": "b"}`, `{"a":"\u00e9"}`} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		vars, err := hooks.Vars(body)
		if err != nil {
			if json.Valid(body) && err != hooks.ErrNotObject {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		if vars[core.HookBodyVar] != string(body) {
			t.Fatalf("webhook_body is not the body")
		}
		for name, v := range vars {
			if _, isText := v.(string); !core.IsHookVar(name) || !isText {
				t.Fatalf("variable %q = %#v", name, v)
			}
		}
	})
}
