package pick_test

import (
	"context"
	"testing"

	"github.com/affdesk/affdesk/backend/pick"
	"github.com/ohler55/ojg/oj"
)

// TestComplianceSuiteSelectAll runs every valid case of the RFC 9535 suite
// through SelectAll, which reads lists element by element where the path
// allows: no case the whole-document selection passes may fail.
func TestComplianceSuiteSelectAll(t *testing.T) {
	suite := loadSuite(t)
	passWhole, passAll := 0, 0
	for _, tc := range suite.Tests {
		x, err := pick.Compile(tc.Selector)
		if tc.Invalid || err != nil {
			continue
		}
		body := mustMarshal(tc.Document)
		doc, _ := oj.Parse(body)
		if !matches(pick.SelectIn(doc, x), tc.Result, tc.Results) {
			continue
		}
		passWhole++
		got, _, err := pick.SelectAll(context.Background(), body, []string{tc.Selector})
		if err != nil || !matches(got[0], tc.Result, tc.Results) {
			t.Errorf("%s: %s selects %v (%v) through SelectAll", tc.Name, tc.Selector, got, err)
			continue
		}
		passAll++
	}
	t.Logf("RFC 9535 suite through SelectAll: %d/%d cases that pass whole still pass", passAll, passWhole)
	if passWhole == 0 {
		t.Fatal("no case ran")
	}
}
