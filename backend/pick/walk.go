package pick

import (
	"context"
	"fmt"
	"sort"

	"github.com/ohler55/ojg/jp"
)

// node is a selected value and its location from the root (Child and
// Nth fragments only).
type node struct {
	v   any
	loc jp.Expr
}

// walker evaluates a path one fragment at a time within its limits.
type walker struct {
	ctx    context.Context
	root   any
	max    int
	step   int
	visits int
	locs   bool // a later filter needs the nodes' locations
	next   []node
}

// run applies each fragment of x to the nodes the previous ones selected.
func (w *walker) run(x jp.Expr) ([]node, error) {
	nodes := []node{{v: w.root}}
	for i, f := range x {
		w.step, w.next, w.locs = i+1, nil, filterAfter(x[i+1:])
		if err := w.apply(f, nodes); err != nil {
			return nil, err
		}
		nodes = w.next
	}
	return nodes, nil
}

func (w *walker) apply(f jp.Frag, nodes []node) error {
	switch t := f.(type) {
	case jp.Root, jp.At, jp.Bracket:
		w.next = nodes
		return nil
	case jp.Descent:
		return w.each(nodes, w.descend)
	case *jp.Filter:
		return w.each(nodes, func(n node) error { return w.filter(t, n) })
	case jp.Child, jp.Nth, jp.Wildcard, jp.Union, jp.Slice:
		return w.each(nodes, func(n node) error { return w.locate(t, n) })
	}
	return fmt.Errorf("pick: unsupported fragment %T", f)
}

func (w *walker) each(nodes []node, fn func(node) error) error {
	for _, n := range nodes {
		if err := fn(n); err != nil {
			return err
		}
	}
	return nil
}

// filterAfter reports whether a filter follows, which needs to know
// where its nodes are; other steps skip building locations.
func filterAfter(rest jp.Expr) bool {
	for _, f := range rest {
		if _, ok := f.(*jp.Filter); ok {
			return true
		}
	}
	return false
}

// add keeps one more node for the next step, within the limits.
func (w *walker) add(v any, loc jp.Expr) error {
	if len(w.next) >= w.max {
		return tooMany{step: w.step}
	}
	if !w.locs {
		loc = nil
	}
	w.next = append(w.next, node{v: v, loc: loc})
	return w.tick()
}

// tick checks the context every 1,024 nodes visited.
func (w *walker) tick() error {
	w.visits++
	if w.visits&1023 == 0 {
		return w.ctx.Err()
	}
	return nil
}

// descend adds n and every container below it, depth first in
// document order: the nodes the next fragment applies to.
func (w *walker) descend(n node) error {
	if !isContainer(n.v) {
		return nil
	}
	if err := w.add(n.v, n.loc); err != nil {
		return err
	}
	for _, c := range children(n, w.locs) {
		if err := w.descend(c); err != nil {
			return err
		}
	}
	return nil
}

// locate applies a fragment that picks children by name or index.
func (w *walker) locate(f jp.Frag, n node) error {
	if !isContainer(n.v) {
		return nil
	}
	for _, rel := range (jp.Expr{f}).Locate(n.v, w.max+1) {
		if err := w.tick(); err != nil {
			return err
		}
		v, ok := at(n.v, rel[0])
		if ok {
			if err := w.add(v, w.appendLoc(n.loc, rel[0])); err != nil {
				return err
			}
		}
	}
	return nil
}

// filter runs a filter on n's children, addressing n from the root so
// '$' inside the filter is the document, and keeps each match with its
// location.
func (w *walker) filter(f *jp.Filter, n node) error {
	if !isContainer(n.v) {
		return nil
	}
	probe := append(append(jp.Expr{jp.Root('$')}, n.loc...), f)
	matched := probe.Get(w.root)
	if len(matched) == 0 {
		return nil
	}
	idx := newIdentity(children(n, true))
	for _, v := range matched {
		if c, ok := idx.take(v); ok {
			if err := w.add(c.v, c.loc); err != nil {
				return err
			}
		}
	}
	return nil
}

func (w *walker) appendLoc(loc jp.Expr, f jp.Frag) jp.Expr {
	if !w.locs {
		return nil
	}
	return appendLoc(loc, f)
}

func appendLoc(loc jp.Expr, f jp.Frag) jp.Expr {
	out := make(jp.Expr, len(loc), len(loc)+1)
	copy(out, loc)
	return append(out, f)
}

func isContainer(v any) bool {
	switch v.(type) {
	case map[string]any, []any:
		return true
	}
	return false
}

// children lists a container's children: object members by sorted key,
// array items in order, with their locations when locs is set.
func children(n node, locs bool) []node {
	at := func(f jp.Frag) jp.Expr {
		if !locs {
			return nil
		}
		return appendLoc(n.loc, f)
	}
	switch t := n.v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(t))
		for k := range t {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		out := make([]node, len(keys))
		for i, k := range keys {
			out[i] = node{v: t[k], loc: at(jp.Child(k))}
		}
		return out
	case []any:
		out := make([]node, len(t))
		for i, v := range t {
			out[i] = node{v: v, loc: at(jp.Nth(i))}
		}
		return out
	}
	return nil
}

// at returns the child a Child or Nth fragment names.
func at(v any, f jp.Frag) (any, bool) {
	switch t := v.(type) {
	case map[string]any:
		if c, ok := f.(jp.Child); ok {
			x, found := t[string(c)]
			return x, found
		}
	case []any:
		if i, ok := f.(jp.Nth); ok {
			if i < 0 {
				i += jp.Nth(len(t))
			}
			if i >= 0 && int(i) < len(t) {
				return t[i], true
			}
		}
	}
	return nil, false
}
