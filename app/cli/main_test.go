package cli_test

import (
	"os"
	"testing"

	"github.com/zalando/go-keyring"

	"github.com/affdesk/affdesk/app/cli"
)

// TestMain keeps every test away from the machine's real keychain: the
// in-memory mock stands in, except where a test sets its own. With
// AFFDESK_TEST_CLI=1 the test binary is the affdesk command instead, so
// tests can signal a real process.
func TestMain(m *testing.M) {
	keyring.MockInit()
	if os.Getenv("AFFDESK_TEST_CLI") == "1" {
		os.Exit(cli.Main(os.Args[1:], nil, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}
