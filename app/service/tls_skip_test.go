package service_test

import (
	"reflect"
	"testing"

	"github.com/affdesk/affdesk/app/internal/testkit"
	"github.com/affdesk/affdesk/app/service"
	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/tracker"
)

func TestSkipTLSOnlyWhereTheEditorOffersIt(t *testing.T) {
	s := servicesNoWait(t, nil)
	custom := func(v string) core.ConnectionInput {
		return core.ConnectionInput{Connection: core.Connection{Name: "Self-hosted " + v, Platform: core.PlatformCustom, Timezone: "UTC",
			Settings: map[string]string{"base_url": "https://tracker.internal", "auth_mode": "none", "skip_tls_verify": v}}}
	}
	insecure, err := s.SaveConnection(custom("true"))
	if err != nil || !tracker.SkipsTLS(insecure) {
		t.Fatalf("custom skipping TLS: %v %v", err, insecure.Settings)
	}
	if _, err := s.SaveConnection(custom("yes")); core.ErrorField(err) != "settings.skip_tls_verify" {
		t.Fatalf("a value other than true or false must be refused on its field: %v", err)
	}
	in := testkit.ImpactInput("", "tok-0000111122223333")
	in.Settings["skip_tls_verify"] = "true"
	if _, err := s.SaveConnection(in); core.ErrorField(err) != "settings.skip_tls_verify" {
		t.Fatalf("impact skipping TLS: %v", err)
	}
	all, _ := s.DB.ListConnections()
	if got := service.ConnectionsSkippingTLS(all); !reflect.DeepEqual(got, []string{"Self-hosted true"}) {
		t.Errorf("ConnectionsSkippingTLS = %v", got)
	}
}
