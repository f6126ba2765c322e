package core_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/affdesk/affdesk/backend/core"
)

func fieldsOf(err error) string {
	var out []string
	for _, e := range core.AllErrors(err) {
		out = append(out, e.Field)
	}
	return strings.Join(out, ",")
}

// TestCollect proves Collect keeps every coded error once per field, in
// order, returns the lone error itself, and stops at an uncoded one.
func TestCollect(t *testing.T) {
	a := func() error { return core.FieldError("a", "A.") }
	a2 := func() error { return core.FieldError("a", "A again.") }
	b := func() error { return core.Errors{core.FieldError("b", "B."), core.FieldError("c", "C.")} }
	ok := func() error { return nil }
	boom := func() error { return errors.New("disk on fire") }
	tests := []struct {
		name   string
		checks []func() error
		want   string
	}{
		{"none", []func() error{ok, ok}, ""},
		{"one", []func() error{ok, a}, "a"},
		{"several, flattened", []func() error{a, ok, b}, "a,b,c"},
		{"same field once", []func() error{a, a2}, "a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := core.Collect(tt.checks...)
			if got := fieldsOf(err); got != tt.want || (err == nil) != (tt.want == "") {
				t.Fatalf("fields %q (%v), want %q", got, err, tt.want)
			}
		})
	}
	if err := core.Collect(a); err.Error() != "a: A." {
		t.Errorf("lone error is returned itself, got %T %v", err, err)
	}
	if err := core.Collect(a, boom, b); err == nil || core.ErrorCode(err) != core.EINTERNAL {
		t.Errorf("an uncoded error stops the collection, got %v", err)
	}
}

// TestErrorsKeepTheCodedContract proves a wrapped Errors still answers
// ErrorCode, ErrorField and ErrorMessage with its first member.
func TestErrorsKeepTheCodedContract(t *testing.T) {
	err := fmt.Errorf("save: %w", core.Errors{core.FieldError("name", "Name is required."), core.FieldError("timezone", "Bad zone.")})
	if core.ErrorCode(err) != core.EINVALID || core.ErrorField(err) != "name" || core.ErrorMessage(err) != "Name is required." {
		t.Errorf("got %q %q %q", core.ErrorCode(err), core.ErrorField(err), core.ErrorMessage(err))
	}
	if fieldsOf(err) != "name,timezone" || !strings.Contains(err.Error(), "timezone: Bad zone.") {
		t.Errorf("all members: %q, %q", fieldsOf(err), err.Error())
	}
}

// TestTemplateAndAutomationReportEveryField proves the template and
// automation checks name every field in error at once.
func TestTemplateAndAutomationReportEveryField(t *testing.T) {
	tpl := validTemplate()
	tpl.Name, tpl.Path, tpl.Retries = "", "no-slash", 99
	if got := fieldsOf(tpl.Validate()); got != "name,path,retries" {
		t.Errorf("template fields %q", got)
	}
	auto := reverseFlow()
	auto.Name, auto.Trigger.Kind = " ", "sometimes"
	if got := fieldsOf(auto.Validate(cols)); got != "name,trigger.kind" {
		t.Errorf("automation fields %q", got)
	}
}
