package testkit

import (
	"testing"

	"github.com/affdesk/affdesk/app/service"
	"github.com/affdesk/affdesk/backend/core"
)

// SaveConn saves a connection (in UTC unless it names a timezone) or
// fails tb.
func SaveConn(tb testing.TB, s *service.Services, in core.ConnectionInput) core.Connection {
	tb.Helper()
	if in.Timezone == "" {
		in.Timezone = "UTC"
	}
	c, err := s.SaveConnection(in)
	if err != nil {
		tb.Fatalf("save connection: %v", err)
	}
	return c
}

// DemoConn saves a connection to the demo tracker.
func DemoConn(tb testing.TB, s *service.Services) core.Connection {
	return SaveConn(tb, s, core.ConnectionInput{Connection: core.Connection{Name: "Demo", Platform: core.PlatformDemo}})
}

// ImpactInput is an impact.com connection on host with the auth token tok.
func ImpactInput(host, tok string) core.ConnectionInput {
	return core.ConnectionInput{
		Connection: core.Connection{Name: "Acme impact", Platform: core.PlatformImpact, Timezone: "America/Los_Angeles",
			Settings: map[string]string{"account_sid": core.DemoAccountSID, "account_type": "Advertisers", "base_url": host}},
		Secrets: map[string]string{"auth_token": tok},
	}
}

// GetTemplate is a JSON GET template on the connection and path.
func GetTemplate(connID uint64, path string) core.ActionTemplate {
	return core.ActionTemplate{Name: "Fetch", ConnectionID: connID, Kind: core.KindGet, Method: "GET", Path: path, BodyEncoding: core.BodyJSON}
}
