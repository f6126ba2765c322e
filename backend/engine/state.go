package engine

import (
	"encoding/json"

	"github.com/affdesk/affdesk/backend/core"
)

// encodeState turns variables into JSON-safe values for a run waiting for
// approval; datasets are tagged so they come back as datasets.
func encodeState(v vars) map[string]any {
	out := make(map[string]any, len(v))
	for k, x := range v {
		if d, ok := x.(*core.Dataset); ok {
			out[k] = map[string]any{"$dataset": d}
			continue
		}
		out[k] = x
	}
	return out
}

// decodeState restores variables saved by encodeState (after a JSON
// round trip through the store).
func decodeState(state map[string]any) (vars, error) {
	v := vars{}
	for k, x := range state {
		m, ok := x.(map[string]any)
		if raw, tagged := m["$dataset"]; ok && tagged {
			b, err := json.Marshal(raw)
			if err != nil {
				return nil, err
			}
			var d core.Dataset
			if err := json.Unmarshal(b, &d); err != nil {
				return nil, err
			}
			v[k] = &d
			continue
		}
		v[k] = x
	}
	return v, nil
}
