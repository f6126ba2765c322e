package openapi

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/getkin/kin-openapi/openapi2"
	"github.com/getkin/kin-openapi/openapi2conv"
	"github.com/getkin/kin-openapi/openapi3"
	"gopkg.in/yaml.v3"
)

// errExternal is returned for any $ref that leaves the document.
var errExternal = errors.New("refers to another file or URL")

// load decodes data as OpenAPI 3.x, or as Swagger 2.0 converted to 3.0,
// resolving only the references inside the document.
func load(data []byte) (*openapi3.T, error) {
	version, err := versionOf(data)
	if err != nil {
		return nil, err
	}
	loader := newLoader()
	if strings.HasPrefix(version, "2") {
		var doc2 openapi2.T
		if err := openapi2.UnmarshalFromData(data, &doc2); err != nil {
			return nil, invalid(err)
		}
		doc, err := openapi2conv.ToV3WithLoader(&doc2, loader, nil)
		if err != nil {
			return nil, invalid(err)
		}
		return doc, nil
	}
	doc, err := loader.LoadFromData(data)
	if err != nil {
		return nil, invalid(err)
	}
	return doc, nil
}

// newLoader returns a loader that reads nothing but the document itself.
func newLoader() *openapi3.Loader {
	loader := openapi3.NewLoader()
	loader.IsExternalRefsAllowed = false
	loader.ReadFromURIFunc = func(_ *openapi3.Loader, u *url.URL) ([]byte, error) {
		return nil, fmt.Errorf("%q %w", u.String(), errExternal)
	}
	return loader
}

// versionOf reads the document's "openapi" or "swagger" field.
func versionOf(data []byte) (string, error) {
	var head struct {
		OpenAPI any `yaml:"openapi"`
		Swagger any `yaml:"swagger"`
	}
	if err := yaml.Unmarshal(data, &head); err != nil {
		var j struct {
			OpenAPI any `json:"openapi"`
			Swagger any `json:"swagger"`
		}
		if jerr := json.Unmarshal(data, &j); jerr != nil {
			return "", core.Errorf(core.EINVALID, "The file is neither JSON nor YAML: %s.", shortErr(err))
		}
		head.OpenAPI, head.Swagger = j.OpenAPI, j.Swagger
	}
	switch {
	case head.OpenAPI != nil && strings.HasPrefix(fmt.Sprint(head.OpenAPI), "3."):
		return fmt.Sprint(head.OpenAPI), nil
	case head.Swagger != nil && strings.HasPrefix(fmt.Sprint(head.Swagger), "2"):
		return "2.0", nil
	}
	return "", core.Errorf(core.EINVALID, "The file is not an OpenAPI 3 or Swagger 2.0 document: it has no openapi: 3.x or swagger: \"2.0\" field.")
}

func invalid(err error) error {
	if errors.Is(err, errExternal) || isDisallowed(err) {
		return core.Errorf(core.EINVALID, "The OpenAPI file refers to another file or URL, which AffDesk does not fetch: %s. Bundle it into one file first.", shortErr(err))
	}
	return core.Errorf(core.EINVALID, "The OpenAPI file could not be read: %s.", shortErr(err))
}

func isDisallowed(err error) bool {
	var d *openapi3.DisallowedExternalRefError
	return errors.As(err, &d)
}

// shortErr keeps an error's text to one readable line.
func shortErr(err error) string {
	s := strings.Join(strings.Fields(err.Error()), " ")
	if len(s) > 300 {
		s = s[:300] + "…"
	}
	return strings.TrimSuffix(s, ".")
}
