package pick

import (
	"fmt"
	"reflect"
)

// identity maps the values a filter returned back to the children they
// came from: containers by address, scalars by value (two equal scalars
// are interchangeable, so either location serves).
type identity map[any][]node

type address uintptr

func newIdentity(kids []node) identity {
	idx := identity{}
	for _, c := range kids {
		k := keyOf(c.v)
		idx[k] = append(idx[k], c)
	}
	return idx
}

// take returns the first unused child holding v.
func (idx identity) take(v any) (node, bool) {
	k := keyOf(v)
	list := idx[k]
	if len(list) == 0 {
		return node{}, false
	}
	idx[k] = list[1:]
	return list[0], true
}

func keyOf(v any) any {
	switch t := v.(type) {
	case map[string]any, []any:
		return address(reflect.ValueOf(t).Pointer())
	case nil, bool, string, int64, float64, int:
		return t
	}
	if reflect.TypeOf(v).Comparable() {
		return v
	}
	return fmt.Sprintf("%T:%v", v, v)
}
