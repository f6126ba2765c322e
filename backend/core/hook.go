package core

import (
	"regexp"
	"sort"
	"strings"
)

// HookTrigger lets an automation start on a POST to the local webhook
// listener, at /hooks/<Token>. Each top-level field of the JSON object
// posted becomes a {webhook_<field>} variable, and {webhook_body} holds
// the whole body as text.
type HookTrigger struct {
	Enabled bool `json:"enabled"`
	// Token is the URL's secret part: 32 or more URL-safe characters the
	// app generates when the trigger is turned on (never typed).
	Token string `json:"token"`
	// SecretHeader optionally names a header (X-AffDesk-Secret, say) that
	// must carry the shared secret.
	SecretHeader string `json:"secretHeader,omitempty"`
	// Secret is the shared secret's reference in the secret store
	// (secret:webhook/<key>#<mask>), never the value itself once saved;
	// the window sends a new value here, which saving moves away.
	Secret string `json:"secret,omitempty"`
	// Fields lists the top-level JSON fields the automation expects, for
	// the editor's variable autocompletion. Any other field still arrives.
	Fields []string `json:"fields,omitempty"`
}

// HookVarPrefix starts the name of every variable a webhook sets.
const HookVarPrefix = "webhook_"

// HookBodyVar holds the whole body a webhook posted, as text.
const HookBodyVar = "webhook_body"

// MinHookToken is the shortest token a webhook trigger accepts.
const MinHookToken = 32

var (
	hookTokenPattern  = regexp.MustCompile(`^[A-Za-z0-9_-]+$`)
	hookFieldPattern  = regexp.MustCompile(`^[A-Za-z0-9_]+$`)
	headerNamePattern = regexp.MustCompile("^[A-Za-z0-9!#$%&'*+.^_`|~-]+$")
)

// HookField reports whether name can follow webhook_ in a variable name:
// letters, digits and _ only.
func HookField(name string) bool { return hookFieldPattern.MatchString(name) }

// IsHookVar reports whether a variable name is one a webhook sets:
// webhook_ followed by letters, digits or _.
func IsHookVar(name string) bool {
	field, ok := strings.CutPrefix(name, HookVarPrefix)
	return ok && HookField(field)
}

// HookEnabled reports whether the automation starts on a webhook.
func (a *Automation) HookEnabled() bool { return a.Hook != nil && a.Hook.Enabled }

// Validate checks an enabled trigger: a generated token, a header name
// that HTTP allows, a secret only with a header (and a header only with
// a secret), and field names made of letters, digits and _. A disabled
// trigger is kept as it is, so turning it on again keeps its URL.
func (h *HookTrigger) Validate() error {
	h.SecretHeader = strings.TrimSpace(h.SecretHeader)
	for i, f := range h.Fields {
		h.Fields[i] = strings.TrimSpace(f)
		if !HookField(h.Fields[i]) {
			return FieldError("hook.fields", "The webhook field %q is not valid: use letters, digits and _.", f)
		}
	}
	if !h.Enabled {
		return nil
	}
	if len(h.Token) < MinHookToken || !hookTokenPattern.MatchString(h.Token) {
		return FieldError("hook.token", "The webhook trigger has no valid token: turn it off and on again.")
	}
	if h.SecretHeader != "" && !headerNamePattern.MatchString(h.SecretHeader) {
		return FieldError("hook.secretHeader", "%q is not a valid header name.", h.SecretHeader)
	}
	if h.SecretHeader == "" && strings.TrimSpace(h.Secret) != "" {
		return FieldError("hook.secretHeader", "Name the header that carries the webhook's shared secret.")
	}
	return nil
}

// HookVarsUsed lists, sorted, the webhook variables ({webhook_<field>},
// {webhook_body}) that any step of a reads.
func (a *Automation) HookVarsUsed() []string {
	seen := map[string]bool{}
	Walk(a.Steps, func(st *Step, _ []*Step) {
		for _, text := range TextFields(*st) {
			for _, v := range FindVars(text) {
				if IsHookVar(v) {
					seen[v] = true
				}
			}
		}
	})
	out := make([]string, 0, len(seen))
	for v := range seen {
		out = append(out, v)
	}
	sort.Strings(out)
	return out
}

// MissingHookVars lists the webhook variables a uses that vars does not
// hold: a run without them would send "{webhook_x}" as text.
func (a *Automation) MissingHookVars(vars map[string]any) []string {
	var out []string
	for _, v := range a.HookVarsUsed() {
		if _, ok := vars[v]; !ok {
			out = append(out, v)
		}
	}
	return out
}
