//go:build bindings

package gui

// generatingBindings is true in the build Wails runs to generate the
// frontend's bindings: the window is never shown, so the user's data file
// must not be opened (nor backed up) and every API must be bound.
const generatingBindings = true
