package engine

import (
	"bytes"
	"encoding/json"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/shopspring/decimal"
)

// encodeState turns variables into JSON-safe values for a run waiting for
// approval. The store reads numbers back as float64, so every value is
// tagged to come back exactly as it was: datasets as datasets, totals
// and stats cells as Quantities of their kind, other values as their JSON
// text, read back with exact numbers.
func encodeState(v vars) map[string]any {
	out := make(map[string]any, len(v))
	for k, x := range v {
		switch t := x.(type) {
		case *core.Dataset:
			b, _ := json.Marshal(t)
			out[k] = map[string]any{"$datasetJSON": string(b)}
		case core.Quantity:
			out[k] = map[string]any{"$quantity": t.String(), "kind": string(t.Kind)}
		default:
			if b, err := json.Marshal(x); err == nil {
				out[k] = map[string]any{"$json": string(b)}
			} else {
				out[k] = x
			}
		}
	}
	return out
}

// decodeState restores variables saved by encodeState (after a JSON
// round trip through the store). Untagged values, saved before tags
// existed, come back as the store read them.
func decodeState(state map[string]any) (vars, error) {
	v := vars{}
	for k, x := range state {
		got, err := decodeValue(x)
		if err != nil {
			return nil, err
		}
		v[k] = got
	}
	return v, nil
}

func decodeValue(x any) (any, error) {
	m, _ := x.(map[string]any)
	if raw, tagged := m["$dataset"]; tagged { // as saved before numbers were kept exact
		b, err := json.Marshal(raw)
		if err != nil {
			return nil, err
		}
		var d core.Dataset
		return &d, exactJSON(b, &d)
	}
	if raw, tagged := m["$datasetJSON"].(string); tagged {
		var d core.Dataset
		return &d, exactJSON([]byte(raw), &d)
	}
	if raw, tagged := m["$quantity"].(string); tagged {
		d, err := decimal.NewFromString(raw)
		kind, _ := m["kind"].(string)
		return core.Quantity{Value: d, Kind: core.ColumnKind(kind)}, err
	}
	if raw, tagged := m["$json"].(string); tagged {
		var out any
		return out, exactJSON([]byte(raw), &out)
	}
	return x, nil
}

// exactJSON decodes b into out keeping numbers as json.Number.
func exactJSON(b []byte, out any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	return dec.Decode(out)
}
