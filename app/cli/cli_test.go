package cli_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/affdesk/affdesk/app/cli"
	"github.com/affdesk/affdesk/app/internal/testkit"
	"github.com/affdesk/affdesk/app/service"
	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/store"
)

func run(dir string, args ...string) (int, string, string) {
	var out, errOut strings.Builder
	code := cli.Main(append([]string{"--data-dir", dir}, args...), nil, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestCLI(t *testing.T) {
	s, dir := testkit.MustServices(t, nil)
	c := testkit.DemoConn(t, s)
	tpl, _ := s.TemplateFromPreset("cake.postback.create", c.ID)
	saved, _ := s.SaveTemplate(tpl)
	s.Close()

	tests := []struct {
		args     []string
		wantCode int
		wantOut  string
		wantErr  string
	}{
		{[]string{"version"}, 0, "AffDesk " + service.Version, ""},
		{[]string{"help"}, 0, "templates export", ""},
		{[]string{"connections", "list"}, 0, `"platform": "demo"`, ""},
		{[]string{"templates", "list"}, 0, `"CAKE: Create affiliate postback"`, ""},
		{[]string{"templates", "show", "1"}, 0, `"/api/2/affiliate_postback.json"`, ""},
		{[]string{"templates", "show", "99"}, 1, "", "Template 99 was not found."},
		{[]string{"templates", "show", "x"}, 2, "", `"x" is not a template ID`},
		{[]string{"templates", "show"}, 2, "", "needs a template ID"},
		{[]string{"templates", "export"}, 0, `"format": "affdesk.templates"`, ""},
		{[]string{"templates", "frobnicate"}, 2, "", "unknown command"},
		{[]string{"bogus"}, 2, "", `unknown command "bogus"`},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, out, errOut := run(dir, tt.args...)
			if code != tt.wantCode || !strings.Contains(out, tt.wantOut) || !strings.Contains(errOut, tt.wantErr) {
				t.Fatalf("exit %d\nstdout %s\nstderr %s", code, out, errOut)
			}
		})
	}
	_, out, _ := run(dir, "templates", "show", "1")
	var got core.ActionTemplate
	if err := json.Unmarshal([]byte(out), &got); err != nil || got.ID != saved.ID || len(got.Params) != len(saved.Params) {
		t.Fatalf("show is not the template as JSON: %v", err)
	}
}

func TestCLIWhileTheAppHoldsTheFile(t *testing.T) {
	dir := t.TempDir()
	db, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	code, _, errOut := run(dir, "connections", "list")
	if code != 1 || !strings.Contains(errOut, "in use by another AffDesk process") {
		t.Fatalf("exit %d: %s", code, errOut)
	}
}

func TestDataDirFlag(t *testing.T) {
	tests := [][]string{{"--data-dir"}, {"--data-dir", ""}}
	for _, args := range tests {
		var out, errOut strings.Builder
		if code := cli.Main(args, nil, &out, &errOut); code != 2 || !strings.Contains(errOut.String(), "--data-dir needs a folder") {
			t.Errorf("%v: exit %d %s", args, code, errOut.String())
		}
	}
	dir := t.TempDir()
	var out, errOut strings.Builder
	if code := cli.Main([]string{"connections", "list", "--data-dir=" + dir}, nil, &out, &errOut); code != 0 || strings.TrimSpace(out.String()) != "[]" {
		t.Errorf("--data-dir=: exit %d %q %s", code, out.String(), errOut.String())
	}
	t.Setenv("AFFDESK_DATA_DIR", dir)
	if got, _ := service.DefaultDataDir(); got != dir {
		t.Errorf("AFFDESK_DATA_DIR ignored: %s", got)
	}
}
