package pick

import (
	"context"
	"time"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/ohler55/ojg/jp"
)

// Limits bound one selection. A path such as $..a..a..a..a can select
// each node once for every chain of ancestors that leads to it, which on
// a small document reaches billions of nodes; these limits turn that into
// a plain error instead of gigabytes.
type Limits struct {
	MaxNodes int           // nodes held after any one step of the path
	Timeout  time.Duration // time for the whole selection
}

// DefaultLimits are the limits Select, SelectContext and SelectIn use.
var DefaultLimits = Limits{MaxNodes: 100_000, Timeout: 2 * time.Second}

// Select returns the values x selects in v, in order.
//
// The path is evaluated one fragment (step) at a time, not whole as ojg
// does: each step maps the nodes selected so far to the next set, which
// is counted as it grows, and the context is checked as nodes are
// visited. A step whose set would exceed MaxNodes stops the selection
// with an EINVALID error; a timeout or a cancelled ctx stops it with an
// EUNAVAILABLE error. Memory is thus bounded by MaxNodes locations at
// the widest step, whatever the path. Filters are run by ojg on one node
// at a time, addressed from the root so '$' inside a filter still means
// the whole document; Compile keeps their own paths bounded. An internal
// failure of ojg is recovered and reported as an EINVALID error in plain
// words, never a panic.
func (l Limits) Select(ctx context.Context, v any, x jp.Expr) (out []any, err error) {
	if l.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, l.Timeout)
		defer cancel()
	}
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, core.Errorf(core.EINVALID, "The selection %s could not be evaluated on this response; try a simpler path.", x.String())
		}
	}()
	w := &walker{ctx: ctx, root: v, max: l.MaxNodes}
	nodes, err := w.run(x)
	if err != nil {
		return nil, w.word(x, err)
	}
	out = make([]any, len(nodes))
	for i, n := range nodes {
		out[i] = n.v
	}
	return out, nil
}

// tooMany says at which step the node cap was reached; word words it,
// and the context's errors, for the user.
type tooMany struct{ step int }

func (tooMany) Error() string { return "too many nodes" }

func (w *walker) word(x jp.Expr, err error) error {
	if t, ok := err.(tooMany); ok {
		return core.Errorf(core.EINVALID, "%s selects more than %d values (already at %s): narrow it, e.g. replace '..' with the exact fields.",
			x.String(), w.max, x[:t.step].String())
	}
	if w.ctx.Err() == context.DeadlineExceeded {
		return core.Errorf(core.EUNAVAILABLE, "%s took too long to select: narrow it, e.g. replace '..' with the exact fields.", x.String())
	}
	return core.Errorf(core.EUNAVAILABLE, "The selection %s was stopped.", x.String())
}
