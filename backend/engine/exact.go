package engine

import "github.com/affdesk/affdesk/backend/core"

// exact turns the numbers a selection picked from a response into their
// exact JSON digits (json.Number), in copies of the lists and objects
// holding them, so that a payout of 19.90 reaches a request body as 19.9,
// never as 19.899999. Integers stay int64; integers too long for an int64
// arrive from the parser as json.Number already and stay so.
//
// The parser hands decimals over as float64; their shortest text is the
// number the response spelled for up to 15 significant digits. A decimal
// with more (rare in money: a trillion with cents has 15) is rounded to
// the nearest float64 by the parser, before this sees it.
func exact(x any) any {
	switch t := x.(type) {
	case float64:
		if d, ok := core.ToDecimal(t); ok {
			return core.ExactNumber(d)
		}
	case []any:
		out := make([]any, len(t))
		for i, e := range t {
			out[i] = exact(e)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(t))
		for k, e := range t {
			out[k] = exact(e)
		}
		return out
	}
	return x
}
