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
