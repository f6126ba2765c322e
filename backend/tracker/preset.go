package tracker

import "github.com/affdesk/affdesk/backend/core"

// Preset is a ready-made action template for one platform's documented
// endpoint.
type Preset struct {
	ID          string              `json:"id"`
	Platform    core.Platform       `json:"platform"`
	Name        string              `json:"name"`
	Description string              `json:"description"`
	Template    core.ActionTemplate `json:"template"`
}

var presets []Preset

func preset(id string, platform core.Platform, kind core.Kind, method, path, name, desc string, enc core.BodyEncoding, params ...core.Param) {
	presets = append(presets, Preset{ID: id, Platform: platform, Name: name, Description: desc, Template: core.ActionTemplate{
		Name: name, Platform: platform, Kind: kind, Method: method, Path: path, Params: params,
		BodyEncoding: enc, Notes: desc, PresetID: id, Retries: DefaultRetries,
	}})
}

// DefaultRetries is how many times a preset retries a failed attempt.
const DefaultRetries = 3

// paginate sets the pagination of the preset added last.
func paginate(pg core.Pagination) {
	presets[len(presets)-1].Template.Pagination = pg
}

// safeToRepeat marks the preset added last "Safe to repeat": it only
// sets absolute values (a status, a total), so sending it twice leaves the
// tracker as sending it once. Never for deltas, reversals or creations.
func safeToRepeat() {
	presets[len(presets)-1].Template.Idempotent = true
}

// Presets returns the presets whose dialect a connection of the given
// platform speaks (all dialects for Demo), in catalogue order.
func Presets(conn core.Platform) []Preset {
	out := []Preset{}
	for _, p := range presets {
		if allows(conn, p.Platform) {
			out = append(out, clonePreset(p))
		}
	}
	return out
}

// LookupPreset returns a copy of the preset with the ID.
func LookupPreset(id string) (Preset, bool) {
	for _, p := range presets {
		if p.ID == id {
			return clonePreset(p), true
		}
	}
	return Preset{}, false
}

func clonePreset(p Preset) Preset {
	params := make([]core.Param, len(p.Template.Params))
	for i, q := range p.Template.Params {
		q.Enum = append([]string(nil), q.Enum...)
		params[i] = q
	}
	p.Template.Params = params
	return p
}

// param builds a parameter: name, location, type, required, description.
func param(name string, in core.ParamIn, typ core.ParamType, required bool, desc string) core.Param {
	return core.Param{Name: name, In: in, Type: typ, Required: required, Description: desc}
}

func withEnum(p core.Param, values ...string) core.Param {
	p.Type = core.TypeEnum
	p.Enum = values
	return p
}

func withExample(p core.Param, example string) core.Param {
	p.Example = example
	return p
}

func withDefault(p core.Param, def string) core.Param {
	p.Default = def
	return p
}
