package request

import "github.com/affdesk/affdesk/backend/core"

// readPage decodes a page for paging, through the call's PageReader when
// it has one, and returns the decoded page (or its envelope) and how many
// records it held. The first page of an unsplit list is decoded quickly
// (see decodePage).
func readPage(call Call, body []byte, page int, m *merger) (any, int, error) {
	if call.Pages != nil {
		return call.Pages(body)
	}
	pg := call.Template.Pagination
	doc, err := decodePage(body, page == 1 && !m.dedupe)
	if err != nil {
		return nil, 0, core.Errorf(core.EINVALID, "Page %d is not JSON, so it cannot be paged: %v.", page, err)
	}
	items, ok := core.Dig(doc, pg.ItemsKey).([]any)
	if !ok {
		return nil, 0, core.Errorf(core.EINVALID, "Page %d has no list at %q: check the pagination's items field.", page, pg.ItemsKey)
	}
	return doc, len(items), nil
}
