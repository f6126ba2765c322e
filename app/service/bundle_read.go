package service

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/affdesk/affdesk/backend/core"
)

// The export formats an import reads, and the newest version of each.
const (
	FormatAutomations = "affdesk.automations"
	FormatTemplates   = "affdesk.templates"
	BundleVersion     = 1
	maxBundleBytes    = 32 << 20
)

// bundle is an import file as read: an automations export, or a templates
// export (which holds no automations). IDs are the file's own.
type bundle struct {
	Format      string                `json:"format"`
	Version     int                   `json:"version"`
	Connections []core.Connection     `json:"connections"`
	Templates   []core.ActionTemplate `json:"templates"`
	Automations []core.Automation     `json:"automations"`
}

// readBundle reads one export document. A UTF-8 byte-order mark is
// skipped and unknown top-level fields are ignored; anything after the
// document, another format, or a newer version is an EINVALID error
// naming the field ("file", "format", "version", "connections[0].id").
func readBundle(r io.Reader) (bundle, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxBundleBytes+1))
	if err != nil {
		return bundle{}, core.Errorf(core.EUNAVAILABLE, "The file could not be read: %v.", err)
	}
	if len(data) > maxBundleBytes {
		return bundle{}, core.FieldError("file", "The file is larger than %d MB: it is not an AffDesk export.", maxBundleBytes>>20)
	}
	raw, err := oneDocument(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))
	if err != nil {
		return bundle{}, err
	}
	var b bundle
	if err := checkHeader(raw, &b); err != nil {
		return bundle{}, err
	}
	if err := json.Unmarshal(raw, &b); err != nil {
		return bundle{}, decodeError(err)
	}
	if b.Format == FormatTemplates {
		b.Automations = nil
	}
	return b, uniqueIDs(b)
}

// oneDocument returns the single JSON object data holds.
func oneDocument(data []byte) (json.RawMessage, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	var raw json.RawMessage
	if err := dec.Decode(&raw); err != nil {
		return nil, core.FieldError("file", "The file is not JSON: %s.", jsonProblem(err))
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, core.FieldError("file", "The file has more after its JSON document (from byte %d): it must hold one export only.", dec.InputOffset())
	}
	if len(raw) == 0 || raw[0] != '{' {
		return nil, core.FieldError("file", "The file holds JSON but not an AffDesk export (an object with format and version).")
	}
	return raw, nil
}

// checkHeader reads format and version before anything else, so a file
// of another kind or a newer AffDesk gets a clear error.
func checkHeader(raw json.RawMessage, b *bundle) error {
	var h struct {
		Format  any `json:"format"`
		Version any `json:"version"`
	}
	if err := json.Unmarshal(raw, &h); err != nil {
		return decodeError(err)
	}
	f, _ := h.Format.(string)
	if f != FormatAutomations && f != FormatTemplates {
		return core.FieldError("format", "The file's format is %s, not %s or %s: it is not an AffDesk export.", describe(h.Format), FormatAutomations, FormatTemplates)
	}
	v, ok := h.Version.(float64)
	switch {
	case !ok || v != float64(int(v)) || v < 1:
		return core.FieldError("version", "The file's version is %s, not a version AffDesk wrote.", describe(h.Version))
	case v > BundleVersion:
		return core.FieldError("version", "The file was written by a newer AffDesk (version %d); this one reads version %d: update AffDesk to import it.", int(v), BundleVersion)
	}
	b.Format, b.Version = f, int(v)
	return nil
}

func describe(v any) string {
	if v == nil {
		return "missing"
	}
	b, _ := json.Marshal(v)
	if len(b) > 40 {
		b = append(b[:40], "…"...)
	}
	return string(b)
}

// decodeError names the field a JSON value of the wrong type is in.
func decodeError(err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) && te.Field != "" {
		return core.FieldError(te.Field, "%s must be %s, not a JSON %s.", te.Field, te.Type.String(), te.Value)
	}
	return core.FieldError("file", "The file is not an AffDesk export: %s.", jsonProblem(err))
}

func jsonProblem(err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("%v (at byte %d)", se, se.Offset)
	}
	return err.Error()
}

// uniqueIDs checks each record has an ID of its own within its kind: the
// file's references use them.
func uniqueIDs(b bundle) error {
	check := func(kind string, ids []uint64) error {
		seen := map[uint64]bool{}
		for i, id := range ids {
			if id == 0 || seen[id] {
				return core.FieldError(fmt.Sprintf("%s[%d].id", kind, i), "%s[%d] has a missing or repeated ID %d.", kind, i, id)
			}
			seen[id] = true
		}
		return nil
	}
	if err := check("connections", idsOf(b.Connections, func(c core.Connection) uint64 { return c.ID })); err != nil {
		return err
	}
	if err := check("templates", idsOf(b.Templates, func(t core.ActionTemplate) uint64 { return t.ID })); err != nil {
		return err
	}
	return check("automations", idsOf(b.Automations, func(a core.Automation) uint64 { return a.ID }))
}

func idsOf[T any](list []T, id func(T) uint64) []uint64 {
	out := make([]uint64, len(list))
	for i, x := range list {
		out[i] = id(x)
	}
	return out
}
