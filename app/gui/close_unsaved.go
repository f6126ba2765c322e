package gui

import (
	"github.com/affdesk/affdesk/app/service"
	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// EventConfirmQuit asks the page to settle unsaved changes (save,
// discard or stay) before the app quits; the page quits with
// SettingsAPI.Quit when the user lets it.
const EventConfirmQuit = "app:confirm-quit"

// holdQuit reports whether a close that would end the app must wait for
// the page: an editor holds unsaved changes. Hiding the window to the
// background keeps the page, and its edits, alive, so it never waits.
func holdQuit(action service.CloseAction, unsaved bool) bool {
	return unsaved && action != service.CloseActionHide
}

// confirmQuit hands the close to the page's unsaved-changes question.
func (w *window) confirmQuit() bool {
	runtime.EventsEmit(w.ctx, EventConfirmQuit)
	return true
}

// SetUnsaved tells the window whether an editor holds unsaved changes, so
// that closing the window asks before they are lost.
func (a *SettingsAPI) SetUnsaved(unsaved bool) {
	if a.unsaved != nil {
		a.unsaved.Store(unsaved)
	}
}
