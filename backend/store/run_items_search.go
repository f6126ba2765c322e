package store

import (
	"strings"

	"github.com/affdesk/affdesk/backend/core"
)

// itemMatches reports whether a loop item's preview or error, or the
// error or a value of one of its steps, holds q (lower case).
func itemMatches(it core.Iteration, q string) bool {
	if strings.Contains(strings.ToLower(it.Item), q) || strings.Contains(strings.ToLower(it.Error), q) {
		return true
	}
	return stepsMatch(it.Steps, q)
}

// stepsMatch reports whether any step result, nested items included,
// holds q in its error or its values.
func stepsMatch(steps []core.StepResult, q string) bool {
	for _, st := range steps {
		if strings.Contains(strings.ToLower(st.Error), q) {
			return true
		}
		for _, v := range st.Values {
			if strings.Contains(strings.ToLower(v), q) {
				return true
			}
		}
		for _, it := range st.Iterations {
			if itemMatches(it, q) {
				return true
			}
		}
	}
	return false
}
