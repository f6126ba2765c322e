package gui

import (
	"encoding/json"
	"testing"

	"github.com/affdesk/affdesk/backend/core"
)

func TestGuardTurnsPanicsIntoInternalErrors(t *testing.T) {
	v, err := guard(func() (int, error) {
		var m map[string]int
		m["x"] = 1
		return 1, nil
	})
	var ui UIError
	if v != 0 || err == nil || json.Unmarshal([]byte(err.Error()), &ui) != nil || ui.Code != core.EINTERNAL || ui.Message != "Internal error." {
		t.Fatalf("v %d err %v", v, err)
	}
	if err := guardErr(func() error { return core.FieldError("name", "Name is required.") }); err == nil ||
		err.Error() != `{"code":"invalid","field":"name","message":"Name is required."}` {
		t.Fatalf("field error = %v", err)
	}
	if err := guardErr(func() error { return nil }); err != nil {
		t.Fatalf("nil error became %v", err)
	}
}

// TestGuardListsEveryField proves several field errors cross the binding
// together, the first also as the single error older views read.
func TestGuardListsEveryField(t *testing.T) {
	err := guardErr(func() error {
		return core.Errors{core.FieldError("name", "Name is required."), core.FieldError("settings.base_url", "Bad URL.")}
	})
	want := `{"code":"invalid","field":"name","message":"Name is required.","fields":[{"field":"name","message":"Name is required."},{"field":"settings.base_url","message":"Bad URL."}]}`
	if err == nil || err.Error() != want {
		t.Fatalf("got %v", err)
	}
}
