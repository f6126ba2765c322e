package gui

import (
	"testing"

	"github.com/affdesk/affdesk/app/service"
)

func TestHoldQuitOnlyWhenEditsWouldBeLost(t *testing.T) {
	cases := []struct {
		action  service.CloseAction
		unsaved bool
		want    bool
	}{
		{service.CloseActionQuit, true, true},
		{service.CloseActionQuit, false, false},
		{service.CloseActionHide, true, false},
		{service.CloseActionHide, false, false},
	}
	for _, c := range cases {
		if got := holdQuit(c.action, c.unsaved); got != c.want {
			t.Errorf("holdQuit(%v, %v) = %v, want %v", c.action, c.unsaved, got, c.want)
		}
	}
}

func TestSetUnsavedReachesTheWindow(t *testing.T) {
	w := &window{}
	api := NewSettingsAPI(nil, nil)
	api.unsaved = &w.unsaved
	api.SetUnsaved(true)
	if !w.unsaved.Load() {
		t.Fatal("the window did not learn of unsaved changes")
	}
	api.SetUnsaved(false)
	if w.unsaved.Load() {
		t.Fatal("the window still thinks changes are unsaved")
	}
	NewSettingsAPI(nil, nil).SetUnsaved(true) // outside the window: no effect, no panic
}
