package service

import (
	"slices"
	"strconv"
	"strings"
)

// sortedIDs returns a sorted copy of ids.
func sortedIDs(ids []uint64) []uint64 {
	out := slices.Clone(ids)
	slices.Sort(out)
	return out
}

// joinIDs lists ids in order, separated by commas: "3, 7".
func joinIDs(ids []uint64) string {
	parts := make([]string, 0, len(ids))
	for _, id := range sortedIDs(ids) {
		parts = append(parts, strconv.FormatUint(id, 10))
	}
	return strings.Join(parts, ", ")
}
