package shape

import "github.com/affdesk/affdesk/backend/core"

// Check validates t as it will be once the caller binds it to a
// connection, and on success returns it normalized the way Validate
// leaves it (names trimmed, tags cleaned), still without a ConnectionID.
// A template with no Platform is checked as a custom one.
func Check(t core.ActionTemplate) (core.ActionTemplate, error) {
	c := t
	c.Params = append([]core.Param(nil), t.Params...)
	c.Tags = append([]string(nil), t.Tags...)
	c.ConnectionID = 1
	if c.Platform == "" {
		c.Platform = core.PlatformCustom
	}
	if err := c.Validate(); err != nil {
		return t, err
	}
	c.ConnectionID = 0
	c.Platform = t.Platform
	return c, nil
}
