package service_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/affdesk/affdesk/app/internal/testkit"
	"github.com/affdesk/affdesk/app/service"
	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/importer/curl"
)

func bearerConn(t *testing.T, s *service.Services) core.Connection {
	return testkit.SaveConn(t, s, core.ConnectionInput{
		Connection: core.Connection{Name: "X API", Platform: core.PlatformCustom,
			Settings: map[string]string{"base_url": "https://api.x.io", "auth_mode": "bearer"}},
		Secrets: map[string]string{"token": "tok-very-secret-7777"},
	})
}

// TestCopyTemplateAsCurlRoundTrip copies templates as cURL and reads the
// command back: method, path, parameters and encoding come back the same,
// and the token shows only when revealed.
func TestCopyTemplateAsCurlRoundTrip(t *testing.T) {
	s, _ := testkit.MustServices(t, nil)
	conn := bearerConn(t, s)
	tpls := []core.ActionTemplate{
		{Name: "Edit offer", ConnectionID: conn.ID, Platform: core.PlatformCustom, Kind: core.KindEdit, Method: "PUT", Path: "/v2/offers/7",
			BodyEncoding: core.BodyJSON, Params: []core.Param{
				{Name: "status", In: core.InBody, Type: core.TypeString, Default: "it's active"},
				{Name: "payout", In: core.InBody, Type: core.TypeInteger, Default: "12"},
				{Name: "rate", In: core.InBody, Type: core.TypeNumber, Default: "1.5"},
				{Name: "on", In: core.InBody, Type: core.TypeBoolean, Default: "true"},
				{Name: "dry", In: core.InQuery, Type: core.TypeString, Default: "a b&c"},
				{Name: "X-Trace", In: core.InHeader, Type: core.TypeString, Default: "t-1"}}},
		{Name: "Add lead", ConnectionID: conn.ID, Platform: core.PlatformCustom, Kind: core.KindAdd, Method: "POST", Path: "/leads",
			BodyEncoding: core.BodyForm, Params: []core.Param{
				{Name: "email", In: core.InBody, Type: core.TypeString, Default: "a+b@x.io"},
				{Name: "day", In: core.InBody, Type: core.TypeDate, Default: "2024-01-31"}}},
	}
	for _, tpl := range tpls {
		saved, err := s.SaveTemplate(tpl)
		if err != nil {
			t.Fatal(err)
		}
		masked, err := s.CopyTemplateAsCurl(saved.ID, nil, false)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(masked, "tok-very-secret") || !strings.Contains(masked, core.MaskSecret("x")) {
			t.Errorf("masked command shows the token or no mask:\n%s", masked)
		}
		revealed, err := s.CopyTemplateAsCurl(saved.ID, nil, true)
		if err != nil || !strings.Contains(revealed, "Bearer tok-very-secret-7777") {
			t.Fatalf("revealed command:\n%s\n%v", revealed, err)
		}
		res, err := curl.Parse(revealed)
		if err != nil {
			t.Fatal(err)
		}
		back := res.Candidates[0].Template
		if back.Method != tpl.Method || back.Path != tpl.Path || back.BodyEncoding != tpl.BodyEncoding || res.Secrets["token"] != "tok-very-secret-7777" {
			t.Errorf("round trip gave %s %s %s, secrets %v", back.Method, back.Path, back.BodyEncoding, res.Secrets)
		}
		if got, want := paramSet(back.Params), paramSet(tpl.Params); !reflect.DeepEqual(got, want) {
			t.Errorf("params\n got %v\nwant %v", got, want)
		}
	}
}

func paramSet(ps []core.Param) map[string]string {
	out := map[string]string{}
	for _, p := range ps {
		out[string(p.In)+":"+p.Name] = string(p.Type) + "=" + p.Default
	}
	return out
}

// TestRunRequestAsCurl copies a recorded request: its masks stay.
func TestRunRequestAsCurl(t *testing.T) {
	rec := core.HTTPRecord{Method: "POST", URL: "https://h/x?api_key=••••", Body: `{"a":1}`,
		Headers: []core.Header{{Name: "Authorization", Value: "Bearer ••••"}}}
	got := service.RunRequestAsCurl(rec)
	want := "curl 'https://h/x?api_key=••••' \\\n  -X 'POST' \\\n  -H 'Authorization: Bearer ••••' \\\n  --data-raw '{\"a\":1}'"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestCopyTemplateAsCurlFillsRequiredExamples copies a template whose
// required fields have no default: an example fills its field (a value
// given wins), and a required field with neither is still an error
// naming it.
func TestCopyTemplateAsCurlFillsRequiredExamples(t *testing.T) {
	s, _ := testkit.MustServices(t, nil)
	conn := bearerConn(t, s)
	tpl, err := s.SaveTemplate(core.ActionTemplate{Name: "List actions", ConnectionID: conn.ID, Platform: core.PlatformCustom, Kind: core.KindGet,
		Method: "GET", Path: "/actions", BodyEncoding: core.BodyForm, Params: []core.Param{
			{Name: "CampaignId", In: core.InQuery, Type: core.TypeInteger, Required: true, Example: "1017"},
			{Name: "State", In: core.InQuery, Type: core.TypeString, Required: true}}})
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.CopyTemplateAsCurl(tpl.ID, map[string]string{"State": "PENDING"}, false)
	if err != nil || !strings.Contains(got, "CampaignId=1017") || !strings.Contains(got, "State=PENDING") {
		t.Fatalf("command:\n%s\n%v", got, err)
	}
	got, err = s.CopyTemplateAsCurl(tpl.ID, map[string]string{"State": "PENDING", "CampaignId": "5"}, false)
	if err != nil || !strings.Contains(got, "CampaignId=5") {
		t.Fatalf("a given value must win:\n%s\n%v", got, err)
	}
	if _, err := s.CopyTemplateAsCurl(tpl.ID, nil, false); core.ErrorCode(err) != core.EINVALID || !strings.Contains(core.ErrorField(err), "State") {
		t.Fatalf("missing State: %v (field %q)", err, core.ErrorField(err))
	}
}

// TestCopyTemplateAsCurlMasksAMissingSecret copies a template whose
// connection lost its token: the masked copy still comes out, with the
// token masked and no stand-in text, and only revealing it is an error
// that names the missing secret.
func TestCopyTemplateAsCurlMasksAMissingSecret(t *testing.T) {
	s, _ := testkit.MustServices(t, nil)
	conn := bearerConn(t, s)
	saved, err := s.SaveTemplate(core.ActionTemplate{Name: "List offers", ConnectionID: conn.ID, Platform: core.PlatformCustom,
		Kind: core.KindGet, Method: "GET", Path: "/v2/offers", BodyEncoding: core.BodyJSON})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Secrets.DeleteSecret(core.SecretKey(conn.ID, "token")); err != nil {
		t.Fatal(err)
	}
	masked, err := s.CopyTemplateAsCurl(saved.ID, nil, false)
	if err != nil {
		t.Fatalf("masked copy without a stored token: %v", err)
	}
	if !strings.Contains(masked, "Bearer ••••") || strings.Contains(masked, "not-stored") {
		t.Errorf("the missing token should show as a mask only:\n%s", masked)
	}
	if _, err := s.CopyTemplateAsCurl(saved.ID, nil, true); err == nil || !strings.Contains(err.Error(), "has no") {
		t.Errorf("revealing a missing token should name it, got %v", err)
	}
}
