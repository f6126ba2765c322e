// Package tracker is AffDesk's catalogue of tracker platforms: what each
// connection asks for, how its base URL and credentials are formed, which
// cheap call checks it, and the preset action templates it ships with.
// Platform rules live here as data, so supporting a new rule is one entry.
package tracker

import "github.com/affdesk/affdesk/backend/core"

// FieldKind says how the connection editor shows a field.
type FieldKind string

// Field kinds.
const (
	FieldText   FieldKind = "text"
	FieldURL    FieldKind = "url"
	FieldSelect FieldKind = "select"
	FieldSecret FieldKind = "secret"
)

// Option is one choice of a select field.
type Option struct {
	Value string `json:"value"`
	Label string `json:"label"`
}

// ShowIf makes a field visible only when another field has one of Values.
type ShowIf struct {
	Key    string   `json:"key"`
	Values []string `json:"values"`
}

// Field is one input of a platform's connection form.
type Field struct {
	Key         string    `json:"key"`
	Label       string    `json:"label"`
	Kind        FieldKind `json:"kind"`
	Required    bool      `json:"required"`
	Hint        string    `json:"hint"`
	Placeholder string    `json:"placeholder"`
	Default     string    `json:"default"`
	Options     []Option  `json:"options"`
	ShowIf      *ShowIf   `json:"showIf"`
	RootOnly    bool      `json:"rootOnly"` // a URL that must be the bare domain
}

// Secret reports whether the field holds a credential.
func (f Field) Secret() bool { return f.Kind == FieldSecret }

// Visible reports whether the field applies given the other settings.
func (f Field) Visible(settings map[string]string) bool {
	if f.ShowIf == nil {
		return true
	}
	v := settings[f.ShowIf.Key]
	for _, want := range f.ShowIf.Values {
		if v == want {
			return true
		}
	}
	return false
}

// CheckCall is the cheap read request that tells whether a connection works.
type CheckCall struct {
	Path  string            `json:"path"`
	Query map[string]string `json:"query"`
}

// Platform describes one tracker platform.
type Platform struct {
	ID        core.Platform   `json:"id"`
	Name      string          `json:"name"`
	Summary   string          `json:"summary"`
	Fields    []Field         `json:"fields"`
	RateLimit core.RateLimit  `json:"rateLimit"` // documented default; zero when none is published
	Check     CheckCall       `json:"check"`
	Dialects  []core.Platform `json:"dialects"` // APIs its templates may speak
	auth      func(settings, secrets map[string]string) core.Auth
	headers   map[string]string
	baseURL   func(settings map[string]string) string
}

// Platforms returns the catalogue in the order the UI offers it.
func Platforms() []Platform {
	out := make([]Platform, 0, len(core.Platforms))
	for _, id := range core.Platforms {
		out = append(out, catalogue[id])
	}
	return out
}

// Lookup returns a platform's entry; ok is false for an unknown ID.
func Lookup(id core.Platform) (Platform, bool) {
	p, ok := catalogue[id]
	return p, ok
}

// SecretFields lists the keys of the platform's secret fields.
func (p Platform) SecretFields() []string {
	var out []string
	for _, f := range p.Fields {
		if f.Secret() {
			out = append(out, f.Key)
		}
	}
	return out
}
