package demotracker

import (
	"bytes"
	"encoding/json"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"
)

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v)
}

// readBody reads the body and puts it back so handlers can read it again.
func readBody(r *http.Request) []byte {
	if r.Body == nil {
		return nil
	}
	b, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	r.Body = io.NopCloser(bytes.NewReader(b))
	return b
}

// params merges the query and a form, multipart or JSON body, the ways
// the real trackers' clients send fields.
func params(r *http.Request) url.Values {
	out := url.Values{}
	for k, v := range r.URL.Query() {
		out[k] = append(out[k], v...)
	}
	body := readBody(r)
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch {
	case ct == "application/json":
		var m map[string]any
		if json.Unmarshal(body, &m) == nil {
			for k, v := range m {
				out[k] = append(out[k], jsonText(v)...)
			}
		}
	case ct == "multipart/form-data":
		if r.ParseMultipartForm(1<<20) == nil {
			for k, v := range r.MultipartForm.Value {
				out[k] = append(out[k], v...)
			}
		}
	case len(body) > 0:
		if form, err := url.ParseQuery(string(body)); err == nil {
			for k, v := range form {
				out[k] = append(out[k], v...)
			}
		}
	}
	return out
}

func jsonText(v any) []string {
	switch t := v.(type) {
	case string:
		return []string{t}
	case []any:
		var out []string
		for _, x := range t {
			out = append(out, jsonText(x)...)
		}
		return out
	case nil:
		return []string{""}
	}
	b, _ := json.Marshal(v)
	return []string{strings.Trim(string(b), `"`)}
}
