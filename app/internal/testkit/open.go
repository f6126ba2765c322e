package testkit

import (
	"context"
	"testing"
	"time"

	"github.com/affdesk/affdesk/app/service"
)

// NoWait stands in for the wait between retries: it returns at once.
func NoWait(context.Context, time.Duration) error { return nil }

// OpenKeychain opens dir with the (mock) OS keychain chosen by Open and
// fails tb when another store was chosen. The caller closes the services.
func OpenKeychain(tb testing.TB, dir string) *service.Services {
	tb.Helper()
	s, err := service.Open(service.Config{DataDir: dir})
	if err != nil {
		tb.Fatal(err)
	}
	if s.Secrets.Backend() != "keychain" {
		tb.Fatalf("backend %q", s.Secrets.Backend())
	}
	return s
}
