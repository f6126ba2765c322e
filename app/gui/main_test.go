package gui_test

import (
	"os"
	"testing"

	"github.com/zalando/go-keyring"
)

// TestMain keeps every test away from the machine's real keychain: the
// in-memory mock stands in, except where a test sets its own.
func TestMain(m *testing.M) {
	keyring.MockInit()
	os.Exit(m.Run())
}
