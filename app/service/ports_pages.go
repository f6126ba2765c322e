package service

import (
	"context"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/engine"
	"github.com/affdesk/affdesk/backend/pick"
)

// CallSelect runs a read and makes a step's selections. On a paged list
// (not split into date windows) whose paths read records one by one, the
// pages are selected as they arrive and dropped, so memory stays near one
// page whatever the page count; paths outside the list ($['@total']) are
// made on the envelope, whose counts describe every page. Otherwise it
// calls as Call does and leaves selecting to the engine.
func (c caller) CallSelect(ctx context.Context, tpl core.ActionTemplate, values map[string]string, paths []string) (engine.Outcome, error) {
	if !tpl.Pagination.Enabled() || tpl.SplitRanges {
		return c.Call(ctx, tpl, values, false)
	}
	st, failed, err := pick.NewPageStream(paths, tpl.Pagination.ItemsKey)
	if err != nil {
		return engine.Outcome{}, &engine.SelectError{Index: failed, Err: err}
	}
	if st == nil {
		return c.Call(ctx, tpl, values, false)
	}
	var readErr error
	read := func(page []byte) (any, int, error) {
		env, n, err := st.FeedPage(ctx, page)
		readErr = err
		return env, n, err
	}
	out, err := c.call(ctx, tpl, values, false, read)
	if readErr != nil {
		return out, &engine.SelectError{Index: max(st.Failed(), 0), Err: readErr}
	}
	if err != nil || out.Body == nil {
		return out, err
	}
	if out.Selected, err = st.Finish(ctx, out.Body); err != nil {
		return out, &engine.SelectError{Index: max(st.Failed(), 0), Err: err}
	}
	return out, nil
}
