package tracker_test

import (
	"strings"
	"testing"
	"time"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/tracker"
)

func conn(p core.Platform, settings map[string]string) core.Connection {
	return core.Connection{Name: "Acme", Platform: p, Timezone: "UTC", Settings: settings}
}

// TestValidateConnectionReportsEveryField proves one check names every
// field in error, the shared ones and the platform's, each once, while the
// first stays what ErrorField reports.
func TestValidateConnectionReportsEveryField(t *testing.T) {
	c := core.Connection{Name: " ", Platform: core.PlatformCake, Timezone: "Mars/Base",
		Settings: map[string]string{"base_url": "not a url"}, Timeouts: core.Timeouts{ConnectSeconds: 900, TotalSeconds: 900}}
	err := tracker.ValidateConnection(&c, func(string) bool { return false })
	var fields []string
	for _, e := range core.AllErrors(err) {
		fields = append(fields, e.Field)
	}
	want := "name,timezone,timeouts.connectSeconds,timeouts.totalSeconds,settings.base_url,secrets.api_key"
	if got := strings.Join(fields, ","); got != want {
		t.Fatalf("fields %s, want %s", got, want)
	}
	if core.ErrorField(err) != "name" || core.ErrorCode(err) != core.EINVALID {
		t.Errorf("first error %q %q", core.ErrorField(err), core.ErrorCode(err))
	}
}

func TestValidateConnection(t *testing.T) {
	all := func(string) bool { return true }
	none := func(string) bool { return false }
	tests := []struct {
		name      string
		c         core.Connection
		has       func(string) bool
		wantField string
		wantMsg   string
		wantURL   string
	}{
		{"affise ok, trailing slash trimmed", conn(core.PlatformAffiseAdmin, map[string]string{"base_url": "https://api-acme.affise.com/"}), all, "", "", "https://api-acme.affise.com"},
		{"no scheme refused, not completed", conn(core.PlatformBinom, map[string]string{"base_url": "tracker.example.com"}), all, "settings.base_url", "must start with https://", "tracker.example.com"},
		{"words refused as typed", conn(core.PlatformBinom, map[string]string{"base_url": "not a url"}), all, "settings.base_url", "must start with https://", "not a url"},
		{"space in host refused", conn(core.PlatformBinom, map[string]string{"base_url": "https://not a url"}), all, "settings.base_url", `"https://not a url" is not a web address`, "https://not a url"},
		{"affise /api/ refused", conn(core.PlatformAffiseAdmin, map[string]string{"base_url": "https://api-acme.affise.com/api/"}), all, "settings.base_url", `root domain only (https://api-acme.affise.com), without "/api"`, ""},
		{"affise /3.0 refused", conn(core.PlatformAffiseAdmin, map[string]string{"base_url": "https://api-acme.affise.com/3.0"}), all, "settings.base_url", "root domain only", ""},
		{"missing URL", conn(core.PlatformCake, map[string]string{}), all, "settings.base_url", "API URL is required", ""},
		{"missing key", conn(core.PlatformCake, map[string]string{"base_url": "https://x.cakemarketing.com"}), none, "secrets.api_key", "API key is required", ""},
		{"ftp refused", conn(core.PlatformBinom, map[string]string{"base_url": "ftp://x"}), all, "settings.base_url", "https://", ""},
		{"credentials in URL refused", conn(core.PlatformBinom, map[string]string{"base_url": "https://u:p@x.com"}), all, "settings.base_url", "user or password", ""},
		{"query refused", conn(core.PlatformBinom, map[string]string{"base_url": "https://x.com?a=1"}), all, "settings.base_url", "query", ""},
		{"custom keeps a path", conn(core.PlatformCustom, map[string]string{"base_url": "https://api.x.com/v2/", "auth_mode": "bearer"}), all, "", "", "https://api.x.com/v2"},
		{"custom bearer needs token", conn(core.PlatformCustom, map[string]string{"base_url": "https://api.x.com", "auth_mode": "bearer"}), none, "secrets.token", "Token is required", ""},
		{"custom none needs nothing", conn(core.PlatformCustom, map[string]string{"base_url": "https://api.x.com", "auth_mode": "none"}), none, "", "", "https://api.x.com"},
		{"custom bad mode", conn(core.PlatformCustom, map[string]string{"base_url": "https://api.x.com", "auth_mode": "oauth"}), all, "settings.auth_mode", "listed choices", ""},
		{"impact needs SID", conn(core.PlatformImpact, map[string]string{}), all, "settings.account_sid", "Account SID is required", ""},
		{"impact defaults host", conn(core.PlatformImpact, map[string]string{"account_sid": "IRabc"}), all, "", "", "https://api.impact.com"},
		{"everflow default URL", conn(core.PlatformEverflow, map[string]string{}), all, "", "", "https://api.eflow.team"},
		{"demo needs nothing", conn(core.PlatformDemo, nil), none, "", "", ""},
		{"line break refused", conn(core.PlatformImpact, map[string]string{"account_sid": "IR\nx"}), all, "settings.account_sid", "one line", ""},
		{"http allowed", conn(core.PlatformBinom, map[string]string{"base_url": "http://tracker.lan"}), all, "", "", "http://tracker.lan"},
		{"file scheme refused", conn(core.PlatformCustom, map[string]string{"base_url": "file:///etc/passwd", "auth_mode": "none"}), all, "settings.base_url", "", ""},
		{"javascript refused", conn(core.PlatformCustom, map[string]string{"base_url": "javascript:alert(1)", "auth_mode": "none"}), all, "settings.base_url", "", ""},
		{"shared rules first", core.Connection{Name: "x", Platform: core.PlatformDemo, Timezone: "Mars/Base"}, all, "timezone", "IANA", ""},
		{"bad TLS switch", conn(core.PlatformDemo, map[string]string{"skip_tls_verify": "maybe"}), all, "settings.skip_tls_verify", "true or false", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := tt.c
			err := tracker.ValidateConnection(&c, tt.has)
			if core.ErrorField(err) != tt.wantField {
				t.Fatalf("field %q (%v), want %q", core.ErrorField(err), err, tt.wantField)
			}
			if tt.wantMsg != "" && !strings.Contains(core.ErrorMessage(err), tt.wantMsg) {
				t.Errorf("message %q lacks %q", core.ErrorMessage(err), tt.wantMsg)
			}
			if tt.wantURL != "" && c.Settings["base_url"] != tt.wantURL {
				t.Errorf("base_url = %q, want %q", c.Settings["base_url"], tt.wantURL)
			}
		})
	}
}

func TestCustomAuthFieldsDropWhenHidden(t *testing.T) {
	c := conn(core.PlatformCustom, map[string]string{"base_url": "https://x.com", "auth_mode": "basic", "key_name": "X-Key", "username": "bob"})
	if err := tracker.ValidateConnection(&c, func(string) bool { return true }); err != nil {
		t.Fatal(err)
	}
	if _, ok := c.Settings["key_name"]; ok {
		t.Error("a hidden field was kept")
	}
}

func TestResolve(t *testing.T) {
	secrets := map[string]string{"api_key": "KEY", "auth_token": "TOK", "token": "BEARER", "password": "PW"}
	tests := []struct {
		name     string
		c        core.Connection
		dialect  core.Platform
		wantBase string
		wantAuth core.Auth
	}{
		{"affise", conn(core.PlatformAffiseAdmin, map[string]string{"base_url": "https://api-a.affise.com"}), "", "https://api-a.affise.com", core.Auth{Kind: core.AuthHeader, Name: "API-Key", Value: "KEY"}},
		{"binom", conn(core.PlatformBinom, map[string]string{"base_url": "https://t.example.com"}), "", "https://t.example.com", core.Auth{Kind: core.AuthHeader, Name: "api-key", Value: "KEY"}},
		{"cake", conn(core.PlatformCake, map[string]string{"base_url": "https://c.example.com"}), "", "https://c.example.com", core.Auth{Kind: core.AuthParam, Name: "api_key", Value: "KEY"}},
		{"everflow", conn(core.PlatformEverflow, map[string]string{"base_url": "https://api.eflow.team"}), "", "https://api.eflow.team", core.Auth{Kind: core.AuthHeader, Name: "X-Eflow-API-Key", Value: "KEY"}},
		{"impact brand", conn(core.PlatformImpact, map[string]string{"account_sid": "IRSID", "account_type": "Advertisers"}), "", "https://api.impact.com/Advertisers/IRSID", core.Auth{Kind: core.AuthBasic, User: "IRSID", Password: "TOK"}},
		{"impact partner", conn(core.PlatformImpact, map[string]string{"account_sid": "IRSID", "account_type": "Mediapartners", "base_url": "http://127.0.0.1:9"}), "", "http://127.0.0.1:9/Mediapartners/IRSID", core.Auth{Kind: core.AuthBasic, User: "IRSID", Password: "TOK"}},
		{"custom query", conn(core.PlatformCustom, map[string]string{"base_url": "https://x.com/v1", "auth_mode": "query", "key_name": "key"}), "", "https://x.com/v1", core.Auth{Kind: core.AuthQuery, Name: "key", Value: "KEY"}},
		{"custom basic", conn(core.PlatformCustom, map[string]string{"base_url": "https://x.com", "auth_mode": "basic", "username": "bob"}), "", "https://x.com", core.Auth{Kind: core.AuthBasic, User: "bob", Password: "PW"}},
		{"demo speaks impact", conn(core.PlatformDemo, nil), core.PlatformImpact, "http://127.0.0.1:5555/Advertisers/" + core.DemoAccountSID, core.Auth{Kind: core.AuthBasic, User: core.DemoAccountSID, Password: core.DemoAuthToken}},
		{"demo speaks affise", conn(core.PlatformDemo, nil), core.PlatformAffiseAdmin, "http://127.0.0.1:5555", core.Auth{Kind: core.AuthHeader, Name: "API-Key", Value: core.DemoAPIKey}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tracker.Resolve(tt.c, tt.dialect, secrets, "http://127.0.0.1:5555")
			if err != nil {
				t.Fatal(err)
			}
			if got.BaseURL != tt.wantBase || got.Auth != tt.wantAuth {
				t.Fatalf("got %s %+v, want %s %+v", got.BaseURL, got.Auth, tt.wantBase, tt.wantAuth)
			}
		})
	}
	impact, _ := tracker.Resolve(conn(core.PlatformImpact, map[string]string{"account_sid": "IRSID"}), "", secrets, "")
	if impact.Headers["Accept"] != "application/json" {
		t.Error("impact.com needs Accept: application/json")
	}
}

func TestResolveRefusesAForeignDialect(t *testing.T) {
	_, err := tracker.Resolve(conn(core.PlatformAffiseAdmin, nil), core.PlatformImpact, nil, "")
	if core.ErrorField(err) != "platform" || !strings.Contains(core.ErrorMessage(err), "cannot call a impact.com template") {
		t.Fatalf("err = %v", err)
	}
}

// TestPresetsAreValid checks every preset passes template validation and
// names a documented platform.
func TestPresetsAreValid(t *testing.T) {
	presets := tracker.Presets(core.PlatformDemo)
	if len(presets) < 15 {
		t.Fatalf("only %d presets", len(presets))
	}
	seen := map[string]bool{}
	for _, p := range presets {
		tpl := p.Template
		tpl.ConnectionID = 1
		if err := tpl.Validate(); err != nil {
			t.Errorf("preset %s: %v", p.ID, err)
		}
		if seen[p.ID] {
			t.Errorf("duplicate preset id %s", p.ID)
		}
		seen[p.ID] = true
	}
	for _, id := range []string{"impact.actions.list", "impact.actions.get", "impact.actions.update", "impact.actions.reverse", "impact.actions.items",
		"impact.actions.item", "cake.postback.create", "affise.partner.get", "affise.partner.edit", "affise.offer.status",
		"affise.conversion.status", "affise.postback.create", "binom.campaign.get", "binom.report.campaign"} {
		if !seen[id] {
			t.Errorf("missing preset %s", id)
		}
	}
}

func TestPresetsMatchPlatformRules(t *testing.T) {
	rev, _ := tracker.LookupPreset("impact.actions.reverse")
	if rev.Template.Method != "DELETE" || !hasRequired(rev.Template, "DispositionCode") {
		t.Error("reverse must be a DELETE with a required DispositionCode")
	}
	upd, _ := tracker.LookupPreset("impact.actions.update")
	if upd.Template.Method != "PUT" || !hasRequired(upd.Template, "Reason") {
		t.Error("update must be a PUT with a required Reason")
	}
	cake, _ := tracker.LookupPreset("cake.postback.create")
	for _, f := range []string{"affiliate_id", "offer_id", "postback_url"} {
		if !hasRequired(cake.Template, f) {
			t.Errorf("CAKE postback needs %s", f)
		}
	}
	for _, p := range tracker.Presets(core.PlatformAffiseAdmin) {
		if p.Template.Method != "GET" && p.Template.Method != "POST" {
			t.Errorf("Affise writes are POST only: %s uses %s", p.ID, p.Template.Method)
		}
	}
	if len(tracker.Presets(core.PlatformCake)) == 0 || len(tracker.Presets(core.PlatformCustom)) != 0 {
		t.Error("presets are not filtered by platform")
	}
}

func TestLookupPresetReturnsACopy(t *testing.T) {
	a, _ := tracker.LookupPreset("impact.actions.list")
	a.Template.Params[0].Name = "changed"
	b, _ := tracker.LookupPreset("impact.actions.list")
	if b.Template.Params[0].Name == "changed" {
		t.Fatal("a caller changed the catalogue")
	}
}

func hasRequired(t core.ActionTemplate, name string) bool {
	for _, p := range t.Params {
		if p.Name == name && p.Required {
			return true
		}
	}
	return false
}

func TestCatalogueCoversEveryPlatform(t *testing.T) {
	ps := tracker.Platforms()
	if len(ps) != len(core.Platforms) {
		t.Fatalf("%d platforms in catalogue, %d known", len(ps), len(core.Platforms))
	}
	for _, p := range ps {
		if p.Name == "" || p.Check.Path == "" && p.ID != core.PlatformCustom {
			t.Errorf("platform %s lacks a name or check call", p.ID)
		}
		for _, f := range p.Fields {
			if f.Hint == "" && f.Kind == tracker.FieldSecret && p.ID != core.PlatformCustom {
				t.Errorf("%s: secret %s has no hint on where to find it", p.ID, f.Key)
			}
		}
	}
	impact, _ := tracker.Lookup(core.PlatformImpact)
	if impact.RateLimit != (core.RateLimit{Requests: 1000, Per: "hour"}) {
		t.Errorf("impact rate limit = %+v", impact.RateLimit)
	}
	check := tracker.CheckTemplate(conn(core.PlatformCustom, map[string]string{"check_path": "me"}))
	if check.Path != "/me" || check.Method != "GET" {
		t.Errorf("custom check = %+v", check)
	}
}

func TestRulesFor(t *testing.T) {
	list := tracker.RulesFor(core.PlatformImpact, "GET", "/Actions/")
	var span, age, size bool
	for _, r := range list {
		span = span || r.Kind == core.RuleMaxSpan && r.Days == 45 && r.Params[0] == "StartDate"
		age = age || r.Kind == core.RuleMaxAge && r.Params[0] == "StartDate"
		size = size || r.Kind == core.RuleIntRange && r.Min == 2000 && r.Max == 20000
	}
	if !span || !age || !size {
		t.Fatalf("impact list rules incomplete: %+v", list)
	}
	if len(tracker.RulesFor(core.PlatformImpact, "GET", "/ActionUpdates")) != len(list) {
		t.Error("ActionUpdates must share the Actions date rules")
	}
	for _, tt := range []struct {
		method, path, field string
	}{{"PUT", "/Actions", "Reason"}, {"DELETE", "/Actions", "DispositionCode"}} {
		err := core.CheckRules(tracker.RulesFor(core.PlatformImpact, tt.method, tt.path), map[string]string{"ActionId": "1"}, fixedNow)
		if core.ErrorField(err) != "values."+tt.field {
			t.Errorf("%s %s: %v", tt.method, tt.path, err)
		}
		err = core.CheckRules(tracker.RulesFor(core.PlatformImpact, tt.method, tt.path), map[string]string{tt.field: "X", "ActionTrackerId": "2240"}, fixedNow)
		if core.ErrorField(err) != "values.ActionId" {
			t.Errorf("%s without identity: %v", tt.method, err)
		}
	}
	cake := tracker.RulesFor(core.PlatformCake, "POST", "/api/2/affiliate_postback.json")
	if err := core.CheckRules(cake, map[string]string{"affiliate_id": "1", "offer_id": "0"}, fixedNow); core.ErrorField(err) != "values.postback_url" {
		t.Errorf("cake: %v", err)
	}
	if len(tracker.RulesFor(core.PlatformAffiseAdmin, "GET", "/Actions")) != 0 {
		t.Error("rules leak across platforms")
	}
}

var fixedNow = time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)

func TestTargetLimitsAndBinomV1(t *testing.T) {
	c := conn(core.PlatformImpact, map[string]string{"account_sid": "IRSID"})
	c.ID = 7
	tg, _ := tracker.Resolve(c, "", map[string]string{"auth_token": "t"}, "")
	if tg.RateLimit != (core.RateLimit{Requests: 1000, Per: "hour"}) || tg.RateKey != "7" || tg.Platform != core.PlatformImpact {
		t.Errorf("default limit not applied: %+v", tg)
	}
	c.RateLimit = core.RateLimit{Requests: 100, Per: "hour"}
	c.Timeouts = core.Timeouts{TotalSeconds: 5}
	tg, _ = tracker.Resolve(c, "", map[string]string{"auth_token": "t"}, "")
	if tg.RateLimit.Requests != 100 || tg.Timeouts.TotalSeconds != 5 {
		t.Errorf("user limit or timeout ignored: %+v", tg)
	}
	c.RateLimit = core.RateLimit{Off: true}
	if tg, _ = tracker.Resolve(c, "", map[string]string{"auth_token": "t"}, ""); tg.RateLimit != (core.RateLimit{Off: true}) {
		t.Errorf("an explicit off became %+v", tg.RateLimit)
	}
	b := conn(core.PlatformBinom, map[string]string{"base_url": "https://t.example", "api_version": "v1"})
	tg, _ = tracker.Resolve(b, "", map[string]string{"api_key": "K"}, "")
	if tg.Auth != (core.Auth{Kind: core.AuthQuery, Name: "api_key", Value: "K"}) {
		t.Errorf("binom v1 auth %+v", tg.Auth)
	}
}

// TestSettingsKeepOnlyKnownFields proves a secret or an unknown key put
// among a connection's settings is dropped, the TLS switch is kept where
// the editor offers it and refused elsewhere.
func TestSettingsKeepOnlyKnownFields(t *testing.T) {
	cake := conn(core.PlatformCake, map[string]string{"base_url": "https://x.cakemarketing.com", "skip_tls_verify": "true"})
	if err := tracker.ValidateConnection(&cake, func(string) bool { return true }); core.ErrorField(err) != "settings.skip_tls_verify" {
		t.Fatalf("CAKE skipping TLS: %v", err)
	}
	c := conn(core.PlatformCustom, map[string]string{"base_url": "https://tracker.internal", "auth_mode": "none", "api_key": "SECRET", "junk": "1", "skip_tls_verify": "true"})
	if err := tracker.ValidateConnection(&c, func(string) bool { return true }); err != nil {
		t.Fatal(err)
	}
	if _, ok := c.Settings["api_key"]; ok {
		t.Error("a secret stayed among the settings")
	}
	if _, ok := c.Settings["junk"]; ok {
		t.Error("an unknown setting was kept")
	}
	if !tracker.SkipsTLS(c) {
		t.Error("the TLS switch was dropped")
	}
}

// TestValidateTemplateChecksDialect proves the shared template check fills
// the dialect from the connection and refuses one it cannot speak.
func TestValidateTemplateChecksDialect(t *testing.T) {
	tpl := core.ActionTemplate{Name: "t", ConnectionID: 1, Kind: core.KindGet, Method: "GET", Path: "/x", BodyEncoding: core.BodyJSON}
	c := conn(core.PlatformCake, nil)
	if err := tracker.ValidateTemplate(&tpl, c); err != nil || tpl.Platform != core.PlatformCake {
		t.Fatalf("err = %v, platform %q", err, tpl.Platform)
	}
	tpl.Platform = core.PlatformImpact
	if err := tracker.ValidateTemplate(&tpl, c); core.ErrorField(err) == "" {
		t.Fatalf("a cake connection took an impact template: %v", err)
	}
}

// TestResolveKeepsTLSChecksWhereTheEditorHasNoSwitch proves a connection
// saved before skipping TLS checks was limited to self-hosted platforms
// keeps its certificate checks.
func TestResolveKeepsTLSChecksWhereTheEditorHasNoSwitch(t *testing.T) {
	for _, tt := range []struct {
		platform core.Platform
		settings map[string]string
		skip     bool
	}{
		{core.PlatformCake, map[string]string{"base_url": "https://x.cakemarketing.com", "skip_tls_verify": "true"}, false},
		{core.PlatformCustom, map[string]string{"base_url": "https://tracker.internal", "auth_mode": "none", "skip_tls_verify": "true"}, true},
	} {
		tg, err := tracker.Resolve(conn(tt.platform, tt.settings), "", map[string]string{"api_key": "K"}, "")
		if err != nil || tg.SkipTLSVerify != tt.skip {
			t.Errorf("%s: skip %v, want %v (%v)", tt.platform, tg.SkipTLSVerify, tt.skip, err)
		}
	}
}
