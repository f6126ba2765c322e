package service_test

import (
	"strings"
	"testing"

	"github.com/affdesk/affdesk/app/internal/testkit"
	"github.com/affdesk/affdesk/app/service"
	"github.com/affdesk/affdesk/backend/core"
)

// malformedCase is a broken import file, the field its error must name,
// and text its message must hold.
type malformedCase struct {
	name      string
	raw       string               // the whole file, when set
	change    func(map[string]any) // else: the v1 file changed
	wantField string
	wantMsg   string
}

func malformedCases() []malformedCase {
	conn := func(m map[string]any) map[string]any { return at(m, "connections", 0) }
	settings := func(m map[string]any) map[string]any { return at(m, "connections", 0, "settings") }
	tpl := func(m map[string]any, i int) map[string]any { return at(m, "templates", i) }
	step := func(m map[string]any, path ...any) map[string]any {
		return at(m, append([]any{"automations"}, path...)...)
	}
	return []malformedCase{
		{name: "empty file", raw: "", wantField: "file", wantMsg: "not JSON"},
		{name: "not JSON", raw: "hello", wantField: "file", wantMsg: "not JSON"},
		{name: "a second document", raw: `{"format":"affdesk.automations","version":1} {}`, wantField: "file", wantMsg: "more after its JSON document"},
		{name: "trailing garbage", raw: `{"format":"affdesk.automations","version":1}x`, wantField: "file", wantMsg: "more after"},
		{name: "an array", raw: `[]`, wantField: "file", wantMsg: "not an AffDesk export"},
		{name: "no format", raw: `{"version":1}`, wantField: "format", wantMsg: "missing"},
		{name: "another format", raw: `{"format":"affdesk.runs","version":1}`, wantField: "format", wantMsg: `"affdesk.runs"`},
		{name: "newer version", change: func(m map[string]any) { m["version"] = 2 }, wantField: "version", wantMsg: "newer AffDesk (version 2)"},
		{name: "version 0", change: func(m map[string]any) { m["version"] = 0 }, wantField: "version", wantMsg: "not a version"},
		{name: "version as text", change: func(m map[string]any) { m["version"] = "1" }, wantField: "version", wantMsg: `"1"`},
		{name: "connections not a list", change: func(m map[string]any) { m["connections"] = map[string]any{} }, wantField: "connections", wantMsg: "connections must be"},
		{name: "negative ID", change: func(m map[string]any) { conn(m)["id"] = -1 }, wantField: "connections.id", wantMsg: "uint64"},
		{name: "repeated connection ID", change: func(m map[string]any) { at(m, "connections", 1)["id"] = 2 }, wantField: "connections[1].id", wantMsg: "repeated ID 2"},
		{name: "template without ID", change: func(m map[string]any) { tpl(m, 0)["id"] = 0 }, wantField: "templates[0].id", wantMsg: "missing or repeated"},
		{name: "connection without name", change: func(m map[string]any) { conn(m)["name"] = " " }, wantField: "connections[0].name", wantMsg: "connection #1, name: Name is required."},
		{name: "connection name too long", change: func(m map[string]any) { conn(m)["name"] = long(201) }, wantField: "connections[0].name", wantMsg: "at most 200"},
		{name: "unknown platform", change: func(m map[string]any) { conn(m)["platform"] = "tune" }, wantField: "connections[0].platform", wantMsg: `connection "Affise main", platform: Unknown platform "tune"`},
		{name: "ftp base URL", change: func(m map[string]any) { settings(m)["base_url"] = "ftp://api.example.com" }, wantField: "connections[0].settings.base_url", wantMsg: `connection "Affise main", settings.base_url:`},
		{name: "javascript base URL", change: func(m map[string]any) { settings(m)["base_url"] = "javascript:alert(1)" }, wantField: "connections[0].settings.base_url", wantMsg: "not a web address"},
		{name: "bad timezone", change: func(m map[string]any) { conn(m)["timezone"] = "Mars/Base" }, wantField: "connections[0].timezone", wantMsg: "IANA"},
		{name: "timeout too long", change: func(m map[string]any) { at(m, "connections", 0, "timeouts")["totalSeconds"] = 601 }, wantField: "connections[0].timeouts.totalSeconds", wantMsg: "1 and 600"},
		{name: "odd TLS switch", change: func(m map[string]any) { settings(m)["skip_tls_verify"] = "maybe" }, wantField: "connections[0].settings.skip_tls_verify", wantMsg: "true or false"},
		{name: "method not in the list", change: func(m map[string]any) { tpl(m, 0)["method"] = "TRACE" }, wantField: "templates[0].method", wantMsg: `template "impact.com: List actions", method:`},
		{name: "path with a host", change: func(m map[string]any) { tpl(m, 0)["path"] = "//evil.example/Actions" }, wantField: "templates[0].path", wantMsg: `template "impact.com: List actions", path:`},
		{name: "path with user info", change: func(m map[string]any) { tpl(m, 0)["path"] = "/x@evil.example" }, wantField: "templates[0].path", wantMsg: "'@'"},
		{name: "path with a scheme", change: func(m map[string]any) { tpl(m, 0)["path"] = "/https:/evil.example" }, wantField: "templates[0].path", wantMsg: "scheme"},
		{name: "too many retries", change: func(m map[string]any) { tpl(m, 0)["retries"] = 11 }, wantField: "templates[0].retries", wantMsg: "0 and 10"},
		{name: "template name too long", change: func(m map[string]any) { tpl(m, 1)["name"] = long(201) }, wantField: "templates[1].name", wantMsg: "at most 200"},
		{name: "unknown parameter type", change: func(m map[string]any) { at(m, "templates", 0, "params", 0)["type"] = "money" }, wantField: "templates[0].params[0].type", wantMsg: "unknown type"},
		{name: "dangling template connection", change: func(m map[string]any) { tpl(m, 2)["connectionId"] = 99 }, wantField: "templates[2].connectionId", wantMsg: `template "Affise: Change offer status", connectionId: It uses connection 99, which is not in the file.`},
		{name: "dialect the connection lacks", change: func(m map[string]any) { tpl(m, 2)["platform"] = "cake" }, wantField: "templates[2].platform", wantMsg: "cannot call a CAKE template"},
		{name: "unknown step kind", change: func(m map[string]any) { step(m, 2, "steps", 1)["kind"] = "teleport" }, wantField: "automations[2].steps.s2.kind", wantMsg: `automation "Pause an offer when its cap is reached", step 2:`},
		{name: "dangling step template", change: func(m map[string]any) { step(m, 0, "steps", 1, "steps", 1)["templateId"] = 99 }, wantField: "automations[0].steps.s4.templateId", wantMsg: "step 2.2: Step “Reverse the action” uses template 99, which is not in the file."},
		{name: "dangling stats connection", change: func(m map[string]any) { step(m, 1, "steps", 0, "stats")["connectionId"] = 99 }, wantField: "automations[1].steps.s1.stats.connectionId", wantMsg: "uses connection 99, which is not in the file"},
		{name: "automation without name", change: func(m map[string]any) { step(m, 1)["name"] = "" }, wantField: "automations[1].name", wantMsg: "automation #2, name:"},
		{name: "automation name too long", change: func(m map[string]any) { step(m, 1)["name"] = long(201) }, wantField: "automations[1].name", wantMsg: "at most 200"},
		{name: "bad trigger timezone", change: func(m map[string]any) { step(m, 0, "trigger")["timezone"] = "Nowhere" }, wantField: "automations[0].trigger.timezone", wantMsg: "IANA"},
		{name: "file webhook", change: func(m map[string]any) {
			at(m, "automations", 1)["steps"].([]any)[2] = map[string]any{"id": "s3", "kind": "send_webhook", "webhook": map[string]any{"url": "file:///etc/passwd", "method": "POST", "bodyKind": "raw"}}
		}, wantField: "automations[1].steps.s3.webhook.url", wantMsg: "step 3:"},
		{name: "bad JSONPath", change: func(m map[string]any) { at(m, "automations", 0, "steps", 0, "selections", 0)["path"] = "$.[" }, wantField: "automations[0].steps.s1.selections[0].path", wantMsg: "step 1:"},
		{name: "steps not a list", change: func(m map[string]any) { step(m, 0)["steps"] = "x" }, wantField: "automations.steps", wantMsg: "must be"},
		{name: "retries as text", change: func(m map[string]any) { tpl(m, 0)["retries"] = "3" }, wantField: "templates.retries", wantMsg: "must be int"},
	}
}

// TestImportMalformedWritesNothing proves each broken file is refused
// with an error naming the record and field, and leaves the data file
// (records and secrets) exactly as it was.
func TestImportMalformedWritesNothing(t *testing.T) {
	sec := testkit.MemSecrets{}
	s, _ := testkit.MustServices(t, sec)
	if _, err := importBytes(s, v1File(t), service.ClashRename); err != nil {
		t.Fatal(err)
	}
	cases := malformedCases()
	if len(cases) < 30 {
		t.Fatalf("only %d cases", len(cases))
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			data := []byte(tc.raw)
			if tc.change != nil {
				data = mutated(t, tc.change)
			}
			before := dataSnapshot(t, s, sec)
			for _, policy := range []service.ClashPolicy{service.ClashRename, service.ClashReplace, service.ClashSkip} {
				_, err := importBytes(s, data, policy)
				if core.ErrorCode(err) != core.EINVALID || core.ErrorField(err) != tc.wantField {
					t.Fatalf("%s: err = %v (code %q, field %q), want field %q", policy, err, core.ErrorCode(err), core.ErrorField(err), tc.wantField)
				}
				if !strings.Contains(core.ErrorMessage(err), tc.wantMsg) {
					t.Errorf("message %q lacks %q", core.ErrorMessage(err), tc.wantMsg)
				}
				if after := dataSnapshot(t, s, sec); after != before {
					t.Fatalf("%s: a refused import changed the data file", policy)
				}
			}
		})
	}
}
