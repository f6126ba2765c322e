package pick_test

import (
	"encoding/json"
	"os"
	"reflect"
	"testing"

	"github.com/affdesk/affdesk/backend/pick"
	"github.com/ohler55/ojg/oj"
)

// TestComplianceSuite measures Compile and Select against the JSONPath
// Compliance Test Suite (RFC 9535) kept beside the project. It reports the
// pass rate and fails if it drops below what ojg v1.28.5 reached when this
// test was written, so a regression in selection shows.
func TestComplianceSuite(t *testing.T) {
	suite := loadSuite(t)
	var validPass, valid, invalidPass, invalid int
	for _, tc := range suite.Tests {
		x, err := pick.Compile(tc.Selector)
		if tc.Invalid {
			invalid++
			if err != nil {
				invalidPass++
			}
			continue
		}
		valid++
		if err != nil {
			continue
		}
		doc, _ := oj.Parse(mustMarshal(tc.Document))
		got := pick.SelectIn(doc, x)
		if matches(got, tc.Result, tc.Results) {
			validPass++
		}
	}
	t.Logf("RFC 9535 suite: %d/%d valid selectors select as specified, %d/%d invalid ones refused", validPass, valid, invalidPass, invalid)
	if float64(validPass)/float64(valid) < minValidPass || float64(invalidPass)/float64(invalid) < minInvalidPass {
		t.Errorf("compliance fell below %.0f%% / %.0f%%", minValidPass*100, minInvalidPass*100)
	}
}

func mustMarshal(v any) []byte {
	b, _ := json.Marshal(v)
	return b
}

// matches compares selected values with the expected result, or any of
// the allowed results when order is not fixed.
func matches(got []any, result []any, results [][]any) bool {
	norm := func(v any) any {
		var out any
		json.Unmarshal(mustMarshal(v), &out)
		return out
	}
	g := norm(got)
	if g == nil {
		g = []any{}
	}
	if results != nil {
		for _, r := range results {
			if reflect.DeepEqual(g, norm(r)) {
				return true
			}
		}
		return false
	}
	return reflect.DeepEqual(g, norm(result))
}

// ctsCase is one case of the compliance suite.
type ctsCase struct {
	Name     string  `json:"name"`
	Selector string  `json:"selector"`
	Document any     `json:"document"`
	Result   []any   `json:"result"`
	Results  [][]any `json:"results"`
	Invalid  bool    `json:"invalid_selector"`
}

// loadSuite reads the compliance suite kept beside the project, or skips.
func loadSuite(t *testing.T) (suite struct{ Tests []ctsCase }) {
	raw, err := os.ReadFile("../../../shared/corpora/cts.json")
	if err != nil {
		t.Skip("compliance suite not found beside the project")
	}
	if err := json.Unmarshal(raw, &suite); err != nil {
		t.Fatal(err)
	}
	return suite
}
