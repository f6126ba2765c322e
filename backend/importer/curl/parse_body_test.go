package curl

import (
	"reflect"
	"testing"

	"github.com/affdesk/affdesk/backend/core"
)

type paramShape struct {
	Name    string
	In      core.ParamIn
	Type    core.ParamType
	Default string
}

func shapes(ps []core.Param) []paramShape {
	var out []paramShape
	for _, p := range ps {
		out = append(out, paramShape{p.Name, p.In, p.Type, p.Default})
	}
	return out
}

// TestParseTemplateShape checks methods, kinds, params, types and
// encodings drawn from the command.
func TestParseTemplateShape(t *testing.T) {
	tests := map[string]struct {
		src      string
		method   string
		kind     core.Kind
		encoding core.BodyEncoding
		params   []paramShape
		warn     string
	}{
		"json body typed": {`curl https://h/o --json '{"id":7,"rate":1.5,"on":true,"name":"x","tags":["a","b"],"meta":{"k":1},"nil":null}'`,
			"POST", core.KindAdd, core.BodyJSON, []paramShape{
				{"id", core.InBody, core.TypeInteger, "7"}, {"rate", core.InBody, core.TypeNumber, "1.5"},
				{"on", core.InBody, core.TypeBoolean, "true"}, {"name", core.InBody, core.TypeString, "x"},
				{"tags", core.InBody, core.TypeArray, "a, b"}, {"meta", core.InBody, core.TypeString, `{"k":1}`},
				{"nil", core.InBody, core.TypeString, ""}}, "holds an object"},
		"form body": {`curl -X PUT -d 'status=active&payout=1.50' https://h/offer/3`,
			"PUT", core.KindEdit, core.BodyForm, []paramShape{{"status", core.InBody, core.TypeString, "active"}, {"payout", core.InBody, core.TypeString, "1.50"}}, ""},
		"delete": {`curl -X DELETE https://h/x/1`, "DELETE", core.KindEdit, core.BodyJSON, nil, ""},
		"patch":  {`curl -X PATCH -H 'Content-Type: application/json' -d '{"a":"b"}' https://h/x`, "PATCH", core.KindEdit, core.BodyJSON, []paramShape{{"a", core.InBody, core.TypeString, "b"}}, ""},
		"query and headers": {`curl -H 'X-Trace: 1' -H 'User-Agent: x' -H 'Accept: application/json' 'https://h/s?d=2024-01-31&k=a&k=b'`,
			"GET", core.KindGet, core.BodyJSON, []paramShape{{"d", core.InQuery, core.TypeDate, "2024-01-31"}, {"k", core.InQuery, core.TypeArray, "a, b"}, {"X-Trace", core.InHeader, core.TypeString, "1"}}, ""},
		"cookie without value": {`curl -b 'sid=abc' https://h/x`, "GET", core.KindGet, core.BodyJSON, []paramShape{{"Cookie", core.InHeader, core.TypeString, ""}}, "Cookie header's value was not kept"},
		"head becomes get":     {`curl -I https://h/x`, "GET", core.KindGet, core.BodyJSON, nil, "not HEAD"},
		"placeholder path":     {`curl 'https://h/partner/{id}'`, "GET", core.KindGet, core.BodyJSON, []paramShape{{"id", core.InPath, core.TypeString, ""}}, ""},
		"xml body not taken":   {`curl -H 'Content-Type: text/xml' -d '<a/>' https://h/x`, "POST", core.KindAdd, core.BodyJSON, nil, "text/xml"},
		"json array body":      {`curl --json '[1,2]' https://h/x`, "POST", core.KindAdd, core.BodyJSON, nil, "not a JSON object"},
		"multipart as form":    {`curl -F a=1 https://h/x`, "POST", core.KindAdd, core.BodyForm, []paramShape{{"a", core.InBody, core.TypeString, "1"}}, "not multipart"},
		"bad header name":      {`curl -H "'Accept': x" https://h/x`, "GET", core.KindGet, core.BodyJSON, nil, "left out"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			res, tpl := mustParse(t, tc.src)
			if tpl.Method != tc.method || tpl.Kind != tc.kind || tpl.BodyEncoding != tc.encoding {
				t.Errorf("got %s %s %s", tpl.Method, tpl.Kind, tpl.BodyEncoding)
			}
			if got := shapes(tpl.Params); !reflect.DeepEqual(got, tc.params) {
				t.Errorf("params\n got %+v\nwant %+v", got, tc.params)
			}
			checkWarning(t, res.Warnings, tc.warn)
			tpl.ConnectionID = 1
			if err := tpl.Validate(); err != nil {
				t.Errorf("template does not validate: %v", err)
			}
		})
	}
}

func TestTemplateName(t *testing.T) {
	tests := map[string][3]string{
		"Get admin partners":  {"GET", "/3.0/admin/partners", "h"},
		"Post api affiliates": {"POST", "/api/2/affiliates.json", "h"},
		"Delete api.x.io":     {"DELETE", "/", "api.x.io"},
		"Put b c d":           {"PUT", "/a/b/c/d/{id}", "h"},
	}
	for want, in := range tests {
		if got := templateName(in[0], in[1], in[2]); got != want {
			t.Errorf("templateName(%v) = %q, want %q", in, got, want)
		}
	}
}
