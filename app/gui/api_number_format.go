package gui

// NumberFormatChoice is the Settings page's number format: the chosen
// one and every one offered, each written as its own example.
type NumberFormatChoice struct {
	Format  string   `json:"format"`
	Choices []string `json:"choices"`
}

// NumberFormat returns how emails, tables and previews write numbers,
// and the formats to choose from.
func (a *SettingsAPI) NumberFormat() (NumberFormatChoice, error) {
	return guard(func() (NumberFormatChoice, error) {
		out := NumberFormatChoice{Format: string(a.s.NumberFormat())}
		for _, f := range a.s.NumberFormats() {
			out.Choices = append(out.Choices, string(f))
		}
		return out, nil
	})
}

// SetNumberFormat changes how emails, tables and previews write numbers.
func (a *SettingsAPI) SetNumberFormat(f string) error {
	return guardErr(func() error { return a.s.SetNumberFormat(f) })
}
