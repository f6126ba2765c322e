package openapi

import (
	"encoding/json"
	"strconv"

	"github.com/affdesk/affdesk/backend/core"

	"github.com/getkin/kin-openapi/openapi3"
)

// example returns the operation's sample success response as JSON text:
// the 200 response's, else the first 2xx one's, from its JSON content's
// example, first named example or schema example. A sample larger than
// maxExample is left out.
func (r *reader) example(o opRef) string {
	if o.op.Responses == nil {
		return ""
	}
	for code := 200; code < 300; code++ {
		ref := o.op.Responses.Value(strconv.Itoa(code))
		if ref == nil || ref.Value == nil {
			continue
		}
		if text := mediaExample(ref.Value.Content); text != "" {
			return text
		}
	}
	return ""
}

func mediaExample(content openapi3.Content) string {
	media, _, enc := pickMedia(content, "")
	if media == nil || enc != core.BodyJSON {
		return ""
	}
	value := media.Example
	if value == nil {
		value = firstExample(media.Examples)
	}
	if value == nil && media.Schema != nil && media.Schema.Value != nil {
		value = media.Schema.Value.Example
	}
	if value == nil {
		return ""
	}
	b, err := json.MarshalIndent(value, "", "  ")
	if err != nil || len(b) > maxExample {
		return ""
	}
	return string(b)
}
