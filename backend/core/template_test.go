package core_test

import (
	"strings"
	"testing"

	"github.com/affdesk/affdesk/backend/core"
)

func validTemplate() core.ActionTemplate {
	return core.ActionTemplate{
		Name: "Get affiliate", ConnectionID: 1, Platform: core.PlatformAffiseAdmin, Kind: core.KindGet,
		Method: "GET", Path: "/3.0/admin/partner/{affiliate_id}", BodyEncoding: core.BodyForm,
		Params: []core.Param{{Name: "affiliate_id", In: core.InPath, Type: core.TypeInteger, Required: true}},
	}
}

func TestTemplateValidate(t *testing.T) {
	tests := []struct {
		name      string
		change    func(*core.ActionTemplate)
		wantField string
		wantMsg   string
	}{
		{"valid", func(*core.ActionTemplate) {}, "", ""},
		{"missing name", func(t *core.ActionTemplate) { t.Name = "  " }, "name", "Name is required"},
		{"no connection", func(t *core.ActionTemplate) { t.ConnectionID = 0 }, "connectionId", "Choose a connection"},
		{"demo is no dialect", func(t *core.ActionTemplate) { t.Platform = core.PlatformDemo }, "platform", "tracker API"},
		{"bad kind", func(t *core.ActionTemplate) { t.Kind = "delete" }, "kind", "Get, Edit or Add"},
		{"bad method", func(t *core.ActionTemplate) { t.Method = "TRACE" }, "method", "GET, POST"},
		{"bad encoding", func(t *core.ActionTemplate) { t.BodyEncoding = "xml" }, "bodyEncoding", "JSON or form"},
		{"empty path", func(t *core.ActionTemplate) { t.Path = "" }, "path", "required"},
		{"relative path", func(t *core.ActionTemplate) { t.Path = "3.0/x" }, "path", "start with '/'"},
		{"query in path", func(t *core.ActionTemplate) { t.Path = "/x?a=1" }, "path", "put query values in parameters"},
		{"full URL", func(t *core.ActionTemplate) { t.Path = "/https://x" }, "path", "leave out the scheme"},
		{"unclosed brace", func(t *core.ActionTemplate) { t.Path = "/x/{affiliate_id" }, "path", "never closed"},
		{"unknown placeholder", func(t *core.ActionTemplate) { t.Path = "/x/{affiliate_id}/{offer_id}" }, "path", "{offer_id} has no path parameter"},
		{"stale path param", func(t *core.ActionTemplate) { t.Path = "/x" }, "params[0].name", "no {affiliate_id} placeholder"},
		{"duplicate param", func(t *core.ActionTemplate) {
			t.Params = append(t.Params, t.Params[0])
		}, "params[1].name", "defined twice"},
		{"body on GET", func(t *core.ActionTemplate) {
			t.Params = append(t.Params, core.Param{Name: "status", In: core.InBody, Type: core.TypeString})
		}, "params[1].in", "GET request has no body"},
		{"enum without values", func(t *core.ActionTemplate) {
			t.Params = append(t.Params, core.Param{Name: "status", In: core.InQuery, Type: core.TypeEnum})
		}, "params[1].enum", "at least one allowed value"},
		{"bad default", func(t *core.ActionTemplate) { t.Params[0].Default = "12a" }, "params[0].default", "not a whole number"},
		{"bad header name", func(t *core.ActionTemplate) {
			t.Params = append(t.Params, core.Param{Name: "X Bad", In: core.InHeader, Type: core.TypeString})
		}, "params[1].name", "Header name"},
		{"bad location", func(t *core.ActionTemplate) {
			t.Params = append(t.Params, core.Param{Name: "x", In: "cookie", Type: core.TypeString})
		}, "params[1].in", "path, query, body or header"},
		{"bad type", func(t *core.ActionTemplate) { t.Params[0].Type = "uuid" }, "params[0].type", "unknown type"},
		{"query name with space", func(t *core.ActionTemplate) {
			t.Params = append(t.Params, core.Param{Name: "a b", In: core.InQuery, Type: core.TypeString})
		}, "params[1].name", "no spaces"},
		{"retries too many", func(t *core.ActionTemplate) { t.Retries = 11 }, "retries", "between 0 and 10"},
		{"pagination on a write", func(t *core.ActionTemplate) {
			t.Method, t.Kind, t.Pagination = "POST", core.KindAdd, core.Pagination{Kind: core.PageAffise, ItemsKey: "partners"}
		}, "pagination.kind", "Only GET requests page"},
		{"pagination without items key", func(t *core.ActionTemplate) { t.Pagination = core.Pagination{Kind: core.PageImpact} }, "pagination.itemsKey", "holds the list"},
		{"page pagination without param", func(t *core.ActionTemplate) { t.Pagination = core.Pagination{Kind: core.PageNumber, ItemsKey: "data"} }, "pagination.pageParam", "page number"},
		{"next link without key", func(t *core.ActionTemplate) {
			t.Pagination = core.Pagination{Kind: core.PageNextLink, ItemsKey: "data"}
		}, "pagination.nextKey", "next page"},
		{"unknown pagination", func(t *core.ActionTemplate) { t.Pagination = core.Pagination{Kind: "cursor", ItemsKey: "data"} }, "pagination.kind", "Unknown pagination"},
		{"page cap too high", func(t *core.ActionTemplate) {
			t.Pagination = core.Pagination{Kind: core.PageImpact, ItemsKey: "Actions", MaxPages: 5000}
		}, "pagination.maxPages", "1,000"},
		{"valid pagination", func(t *core.ActionTemplate) {
			t.Pagination = core.Pagination{Kind: core.PageAffise, ItemsKey: "partners"}
		}, "", ""},
		{"bracket names allowed", func(t *core.ActionTemplate) {
			t.Params = append(t.Params, core.Param{Name: "filter[date_from]", In: core.InQuery, Type: core.TypeDate})
		}, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tpl := validTemplate()
			tt.change(&tpl)
			err := tpl.Validate()
			if tt.wantField == "" {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				return
			}
			if core.ErrorCode(err) != core.EINVALID || core.ErrorField(err) != tt.wantField {
				t.Fatalf("got code %q field %q (%v), want invalid %q", core.ErrorCode(err), core.ErrorField(err), err, tt.wantField)
			}
			if !strings.Contains(core.ErrorMessage(err), tt.wantMsg) {
				t.Errorf("message %q does not contain %q", core.ErrorMessage(err), tt.wantMsg)
			}
		})
	}
}

func TestSyncPathParams(t *testing.T) {
	tpl := core.ActionTemplate{Path: "/a/{x}/b/{y}/{x}", Params: []core.Param{{Name: "x", In: core.InPath, Type: core.TypeInteger}}}
	tpl.SyncPathParams()
	if len(tpl.Params) != 2 || tpl.Params[1].Name != "y" || !tpl.Params[1].Required || tpl.Params[0].Type != core.TypeInteger {
		t.Fatalf("params = %+v", tpl.Params)
	}
}

func TestRetryable(t *testing.T) {
	tests := []struct {
		method     string
		idempotent bool
		want       bool
	}{
		{"GET", false, true}, {"PUT", false, false}, {"DELETE", false, false}, {"PUT", true, true}, {"DELETE", true, true},
		{"POST", false, false}, {"PATCH", false, false}, {"POST", true, true}, {"PATCH", true, true},
	}
	for _, tt := range tests {
		tpl := core.ActionTemplate{Method: tt.method, Idempotent: tt.idempotent}
		if tpl.Retryable() != tt.want {
			t.Errorf("%s idempotent=%v: Retryable = %v", tt.method, tt.idempotent, !tt.want)
		}
	}
	if (core.Pagination{}).Cap() != core.DefaultMaxPages || (core.Pagination{MaxPages: 3}).Cap() != 3 {
		t.Error("page cap")
	}
}

func TestIsWrite(t *testing.T) {
	for _, m := range core.Methods {
		tpl := core.ActionTemplate{Method: m}
		if tpl.IsWrite() != (m != "GET") {
			t.Errorf("%s: IsWrite = %v", m, tpl.IsWrite())
		}
	}
}
