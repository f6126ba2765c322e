//go:build !bindings

package gui

// generatingBindings is false in every build a user runs.
const generatingBindings = false
