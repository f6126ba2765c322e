package gui_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/affdesk/affdesk/app/gui"
	"github.com/affdesk/affdesk/app/internal/testkit"
	"github.com/affdesk/affdesk/backend/core"
)

func TestUIErrorsCarryCodeAndField(t *testing.T) {
	s, _ := testkit.MustServices(t, nil)
	c := testkit.DemoConn(t, s)
	api := gui.NewTemplatesAPI(s)
	_, err := api.Save(core.ActionTemplate{Name: "x", ConnectionID: c.ID, Platform: core.PlatformCustom, Kind: core.KindGet, Method: "GET", Path: "/a/{id}", BodyEncoding: core.BodyJSON})
	var ui gui.UIError
	if err == nil || json.Unmarshal([]byte(err.Error()), &ui) != nil || ui.Code != core.EINVALID || ui.Field != "path" || !strings.Contains(ui.Message, "{id}") {
		t.Fatalf("err = %v", err)
	}
	_, err = api.Get(42)
	if json.Unmarshal([]byte(err.Error()), &ui) != nil || ui.Code != core.ENOTFOUND {
		t.Fatalf("not found: %v", err)
	}
}
