//go:build !bindings

package app

// generatingBindings is false in every build a user runs.
const generatingBindings = false
