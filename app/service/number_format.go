package service

import "github.com/affdesk/affdesk/backend/core"

// keyNumberFormat is the setting that says how emails, tables and
// previews write numbers.
const keyNumberFormat = "number_format"

// NumberFormat returns how emails, tables and previews write numbers:
// one of core.NumberFormats, core.DefaultNumberFormat unless Settings
// chose another (or the stored value is not one of them).
func (s *Services) NumberFormat() core.NumberFormat {
	raw, err := s.DB.Setting(keyNumberFormat)
	if err != nil {
		return core.DefaultNumberFormat
	}
	f, err := core.CheckNumberFormat(raw)
	if err != nil {
		return core.DefaultNumberFormat
	}
	return f
}

// SetNumberFormat stores how numbers are written; runs starting
// afterwards use it. Returns an EINVALID error on "numberFormat" for a
// value that is not one of core.NumberFormats.
func (s *Services) SetNumberFormat(f string) error {
	checked, err := core.CheckNumberFormat(f)
	if err != nil {
		return err
	}
	return s.DB.SetSetting(keyNumberFormat, string(checked))
}

// NumberFormats lists the formats Settings offer, the default first.
func (s *Services) NumberFormats() []core.NumberFormat {
	return append([]core.NumberFormat(nil), core.NumberFormats...)
}
