package request

import (
	"fmt"

	"github.com/ohler55/ojg/oj"
)

// decodePage parses a page for paging. When quick, it uses ojg, which is
// several times cheaper than encoding/json but reads a decimal as a
// float64: fit for reading the next-page fields and counting the items
// of a lone page, whose bytes are passed on untouched. A page whose items
// are merged must be decoded again with decode, which keeps every number's
// exact text. ojg's panics on malformed input are reported as errors.
func decodePage(body []byte, quick bool) (v any, err error) {
	if !quick {
		return decode(body)
	}
	defer func() {
		if r := recover(); r != nil {
			v, err = nil, fmt.Errorf("malformed JSON")
		}
	}()
	return oj.Parse(body)
}
