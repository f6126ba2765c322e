package main

import (
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"

	"github.com/affdesk/affdesk/backend/importer/curl"
)

// The cURL corpus: each fixture command is read by the importer and its
// request compared with the form curlconverter gives it. A fixture
// matches when method, URL (scheme, host, path, query), headers, -u
// credentials and body agree; otherwise it must have warnings naming what
// was not taken, or it misses the target.
func init() {
	corpora = append(corpora, corpus{name: "curl", run: runCurl})
}

// expectedCurl is the part of curlconverter's JSON form compared here.
type expectedCurl struct {
	RawURL  string                           `json:"raw_url"`
	Method  string                           `json:"method"`
	Headers map[string]any                   `json:"headers"`
	Data    any                              `json:"data"`
	Files   map[string]any                   `json:"files"`
	Auth    *struct{ User, Password string } `json:"auth"`
}

func runCurl(root string) (tally, error) {
	inputs, err := filepath.Glob(filepath.Join(root, "curl_commands", "*.sh"))
	if err != nil || len(inputs) == 0 {
		return tally{}, fmt.Errorf("no cURL fixtures under %s", filepath.Join(root, "curl_commands"))
	}
	t := tally{Inputs: len(inputs)}
	for _, in := range inputs {
		curlOne(root, in, &t)
	}
	return t, nil
}

// curlOne measures one fixture.
func curlOne(root, in string, t *tally) {
	name := strings.TrimSuffix(filepath.Base(in), ".sh")
	src, err := os.ReadFile(in)
	if err != nil {
		t.Failed++
		t.Missed = append(t.Missed, name+": "+err.Error())
		return
	}
	parsed, res, perr := parseCurlSafely(string(src))
	switch {
	case perr == errPanic:
		t.Panicked++
		t.Missed = append(t.Missed, name+": the importer panicked")
		return
	case perr != nil:
		t.Failed++
		t.Missed = append(t.Missed, name+": "+perr.Error())
		return
	}
	t.Imported++
	want, err := readExpected(root, name)
	if err != nil {
		t.Missed = append(t.Missed, name+": "+err.Error())
		return
	}
	diff := compareCurl(parsed, want)
	switch {
	case diff == "":
		t.Matched++
	case len(parsed.Warnings) > 0 || len(res) > 0:
		t.Warned++
	default:
		t.Missed = append(t.Missed, name+": "+diff)
	}
}

var errPanic = fmt.Errorf("panic")

// parseCurlSafely runs both the request reader and the template import,
// turning a panic into errPanic. It returns the template's warnings.
func parseCurlSafely(src string) (p curl.Parsed, warnings []string, err error) {
	defer func() {
		if recover() != nil {
			err = errPanic
		}
	}()
	if p, err = curl.ParseCommand(src); err != nil {
		return p, nil, err
	}
	res, err := curl.Parse(src)
	for _, w := range res.Warnings {
		warnings = append(warnings, w.Message)
	}
	return p, warnings, err
}

// readExpected reads a fixture's expected form: the generated one, or a
// committed one when no generated one exists.
func readExpected(root, name string) (expectedCurl, error) {
	var want expectedCurl
	for _, dir := range []string{"generated_curlconverter_4.12.0/json", "committed/json"} {
		raw, err := os.ReadFile(filepath.Join(root, "curl_expected", dir, name+".json"))
		if err != nil {
			continue
		}
		return want, json.Unmarshal(raw, &want)
	}
	return want, fmt.Errorf("no expected form")
}

// compareCurl returns what differs between the importer's request and the
// expected form, or "" when they agree.
func compareCurl(p curl.Parsed, want expectedCurl) string {
	if !strings.EqualFold(p.Method, want.Method) {
		return fmt.Sprintf("method %s, want %s", p.Method, want.Method)
	}
	if d := compareURL(p.URL, want.RawURL); d != "" {
		return d
	}
	if got, exp := headerMap(p.Headers), wantHeaders(want.Headers); !reflect.DeepEqual(got, exp) {
		return fmt.Sprintf("headers %v, want %v", got, exp)
	}
	if d := compareAuth(p, want); d != "" {
		return d
	}
	if len(want.Files) > 0 {
		return "the body uploads files"
	}
	return compareBody(p, want.Data)
}

func compareAuth(p curl.Parsed, want expectedCurl) string {
	if want.Auth == nil && !p.HasUser {
		return ""
	}
	if want.Auth == nil || !p.HasUser || want.Auth.User != p.User || want.Auth.Password != p.Password {
		return "the -u credentials differ"
	}
	return ""
}

// compareURL compares scheme, host, path (without a trailing '/') and
// the query's keys and values in order per key.
func compareURL(got, want string) string {
	g, err1 := url.Parse(got)
	w, err2 := url.Parse(want)
	if err1 != nil || err2 != nil {
		return fmt.Sprintf("URL %q, want %q", got, want)
	}
	if g.Scheme != w.Scheme || g.Host != w.Host || strings.TrimRight(g.EscapedPath(), "/") != strings.TrimRight(w.EscapedPath(), "/") {
		return fmt.Sprintf("URL %q, want %q", got, want)
	}
	if !reflect.DeepEqual(queryMap(g.RawQuery), queryMap(w.RawQuery)) {
		return fmt.Sprintf("query %q, want %q", g.RawQuery, w.RawQuery)
	}
	return ""
}

func queryMap(raw string) map[string][]string {
	out := map[string][]string{}
	for _, piece := range strings.Split(raw, "&") {
		if piece == "" {
			continue
		}
		k, v, _ := strings.Cut(piece, "=")
		dk, _ := url.QueryUnescape(k)
		dv, _ := url.QueryUnescape(v)
		out[dk] = append(out[dk], dv)
	}
	return out
}

// headerMap keys headers by lower-case name.
func headerMap(h [][2]string) map[string]string {
	out := map[string]string{}
	for _, kv := range h {
		out[strings.ToLower(kv[0])] = kv[1]
	}
	return out
}

func wantHeaders(h map[string]any) map[string]string {
	out := map[string]string{}
	for k, v := range h {
		s, _ := v.(string)
		out[strings.ToLower(k)] = s
	}
	return out
}

// compareBody compares the body: as text for a string form, else as the
// fields of a JSON object, a URL-encoded form or -F fields.
func compareBody(p curl.Parsed, want any) string {
	switch w := want.(type) {
	case nil:
		if p.Body != "" || len(p.Form) > 0 {
			return "a body where none is expected"
		}
		return ""
	case string:
		if p.Body != w {
			return fmt.Sprintf("body %q, want %q", p.Body, w)
		}
		return ""
	}
	got := bodyFields(p)
	if !reflect.DeepEqual(normalise(got), normalise(want)) {
		return fmt.Sprintf("body %v, want %v", got, want)
	}
	return ""
}

// bodyFields reads the parsed body as fields.
func bodyFields(p curl.Parsed) any {
	if len(p.Form) > 0 {
		return fieldMap(p.Form)
	}
	var v any
	if json.Unmarshal([]byte(p.Body), &v) == nil {
		return v
	}
	return fieldMap(orderedPairs(p.Body))
}

func orderedPairs(body string) [][2]string {
	var out [][2]string
	for _, piece := range strings.Split(body, "&") {
		k, v, _ := strings.Cut(piece, "=")
		dk, _ := url.QueryUnescape(k)
		dv, _ := url.QueryUnescape(v)
		out = append(out, [2]string{dk, dv})
	}
	return out
}

// fieldMap maps each name to its value, or to the list of its values.
func fieldMap(pairs [][2]string) map[string]any {
	multi := map[string][]string{}
	var order []string
	for _, kv := range pairs {
		if _, ok := multi[kv[0]]; !ok {
			order = append(order, kv[0])
		}
		multi[kv[0]] = append(multi[kv[0]], kv[1])
	}
	sort.Strings(order)
	out := map[string]any{}
	for _, k := range order {
		if len(multi[k]) == 1 {
			out[k] = multi[k][0]
		} else {
			list := make([]any, len(multi[k]))
			for i, v := range multi[k] {
				list[i] = v
			}
			out[k] = list
		}
	}
	return out
}

// normalise round-trips a value through JSON so both sides have the same
// Go types.
func normalise(v any) any {
	raw, _ := json.Marshal(v)
	var out any
	_ = json.Unmarshal(raw, &out)
	return out
}
