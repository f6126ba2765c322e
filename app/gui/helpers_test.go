package gui_test

import (
	"context"
	"testing"
	"time"

	"github.com/affdesk/affdesk/app/internal/testkit"
	"github.com/affdesk/affdesk/app/service"
	"github.com/affdesk/affdesk/backend/core"
)

// The shared helpers under the names this package's tests use.
var fixed = testkit.Fixed

type memSecrets = testkit.MemSecrets

// MustServices opens services on a fresh data folder (testkit.MustServices).
func MustServices(tb testing.TB, sec core.SecretStore) (*service.Services, string) {
	tb.Helper()
	return testkit.MustServices(tb, sec)
}

func mustSaveConn(tb testing.TB, s *service.Services, in core.ConnectionInput) core.Connection {
	tb.Helper()
	return testkit.SaveConn(tb, s, in)
}

func demoConn(tb testing.TB, s *service.Services) core.Connection {
	tb.Helper()
	return testkit.DemoConn(tb, s)
}

func impactInput(host, tok string) core.ConnectionInput { return testkit.ImpactInput(host, tok) }

func getTemplate(connID uint64, path string) core.ActionTemplate {
	return testkit.GetTemplate(connID, path)
}

func noWait(ctx context.Context, d time.Duration) error { return testkit.NoWait(ctx, d) }

func openKeychain(t *testing.T, dir string) *service.Services {
	t.Helper()
	return testkit.OpenKeychain(t, dir)
}
