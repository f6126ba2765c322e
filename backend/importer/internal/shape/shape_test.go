package shape_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/importer/internal/shape"
)

func TestFixPath(t *testing.T) {
	tests := []struct {
		in, want string
		renamed  map[string]string
	}{
		{"/a/{id}", "/a/{id}", map[string]string{}},
		{"a//b/", "/a/b/", map[string]string{}},
		{"/a/{offer id}/{1x}", "/a/{offer_id}/{_1x}", map[string]string{"offer id": "offer_id", "1x": "_1x"}},
		{"/a?x=1#f", "/a", map[string]string{}},
		{"/a}/{b", "/a%7D/%7Bb", map[string]string{}},
		{"/u@h\\x y", "/u%40h/x%20y", map[string]string{}},
		{"/http://evil", "/http%3A/evil", map[string]string{}},
	}
	for _, tt := range tests {
		got, renamed, _ := shape.FixPath(tt.in)
		if got != tt.want || !reflect.DeepEqual(renamed, tt.renamed) {
			t.Errorf("FixPath(%q) = %q %v, want %q %v", tt.in, got, renamed, tt.want, tt.renamed)
		}
		tpl := core.ActionTemplate{Path: got}
		tpl.SyncPathParams()
		if _, err := shape.Check(withHead(tpl)); err != nil {
			t.Errorf("FixPath(%q) = %q does not validate: %v", tt.in, got, err)
		}
	}
}

func withHead(t core.ActionTemplate) core.ActionTemplate {
	t.Name, t.Method, t.Kind, t.BodyEncoding = "x", "GET", core.KindGet, core.BodyJSON
	return t
}

func TestFixUp(t *testing.T) {
	tpl := withHead(core.ActionTemplate{Path: "/o/{offer id}/{new}", Params: []core.Param{
		{Name: "offer id", In: core.InPath, Type: core.TypeInteger},
		{Name: "gone", In: core.InPath, Type: core.TypeString},
		{Name: "a b", In: core.InQuery, Type: core.TypeString},
		{Name: "q", In: core.InQuery, Type: core.TypeString},
		{Name: "q", In: core.InQuery, Type: core.TypeInteger},
		{Name: "X Bad", In: core.InHeader, Type: core.TypeString},
		{Name: "b", In: core.InBody, Type: core.TypeString},
		{Name: "e", In: core.InQuery, Type: core.TypeEnum},
		{Name: "n", In: core.InQuery, Type: core.TypeInteger, Default: "many"},
	}})
	notes := shape.FixUp(&tpl)
	var names []string
	for _, p := range tpl.Params {
		names = append(names, string(p.In)+":"+p.Name+":"+string(p.Type))
	}
	want := []string{"path:offer_id:integer", "query:q:string", "query:e:string", "query:n:integer", "path:new:string"}
	if !reflect.DeepEqual(names, want) {
		t.Fatalf("params = %v, want %v", names, want)
	}
	if tpl.Params[3].Default != "" || tpl.Params[3].Example != "many" {
		t.Errorf("bad default kept: %+v", tpl.Params[3])
	}
	if len(notes) != 7 {
		t.Errorf("notes = %d %q, want 7", len(notes), notes)
	}
	if _, err := shape.Check(tpl); err != nil {
		t.Fatalf("fixed template does not validate: %v", err)
	}
}

func TestUniqueTake(t *testing.T) {
	u := shape.NewNames()
	long := strings.Repeat("n", 250)
	got := []string{u.Take("List", "x"), u.Take("list", "x"), u.Take("", "GET /a"), u.Take(" two\nlines ", "x"), u.Take(long, "x"), u.Take(long, "x")}
	if got[0] != "List" || got[1] != "list (2)" || got[2] != "GET /a" || got[3] != "two lines" {
		t.Fatalf("names = %q", got[:4])
	}
	for _, n := range got[4:] {
		if len([]rune(n)) > core.MaxNameLength {
			t.Errorf("name of %d characters", len([]rune(n)))
		}
	}
	if got[4] == got[5] {
		t.Errorf("long names repeat: %q", got[4])
	}
}

func TestPlainName(t *testing.T) {
	tests := map[string]string{"id": "id", "offer id": "offer_id", "1x": "_1x", "": "param", "a.b-c": "a.b-c", "é": "_"}
	for in, want := range tests {
		if got := shape.PlainName(in); got != want || !core.ValidName(got) {
			t.Errorf("PlainName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestKind(t *testing.T) {
	want := map[string]core.Kind{"GET": core.KindGet, "POST": core.KindAdd, "PUT": core.KindEdit, "PATCH": core.KindEdit, "DELETE": core.KindEdit}
	for m, k := range want {
		if got := shape.Kind(m); got != k {
			t.Errorf("Kind(%s) = %s, want %s", m, got, k)
		}
	}
	if _, ok := shape.Method("head"); ok {
		t.Error("HEAD accepted")
	}
}

func TestStripImpactAccount(t *testing.T) {
	rest, sid, ok := shape.StripImpactAccount("/Mediapartners/{AccountSID}/Campaigns", "Mediapartners")
	if !ok || rest != "/Campaigns" || sid != "AccountSID" {
		t.Fatalf("got %q %q %v", rest, sid, ok)
	}
	if _, _, ok := shape.StripImpactAccount("/Advertisers/{AccountSID}/Actions", "Agencies"); ok {
		t.Error("another account type was stripped")
	}
	if got := shape.ImpactAccountType([]string{"/Agencies/{S}/a", "/Agencies/{S}/b", "/Advertisers/{S}/c"}); got != "Agencies" {
		t.Errorf("account type = %s", got)
	}
}
