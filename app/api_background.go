package app

// CloseBehaviour returns what closing the window does while schedules
// are on: "background", "quit" or "ask".
func (a *SettingsAPI) CloseBehaviour() (string, error) { return guard(a.s.CloseBehaviour) }

// SetCloseBehaviour remembers what closing the window does while
// schedules are on.
func (a *SettingsAPI) SetCloseBehaviour(b string) error {
	return guardErr(func() error { return a.s.SetCloseBehaviour(b) })
}

// Quit ends AffDesk, window and schedules, without the close question.
func (a *SettingsAPI) Quit() {
	if a.quit != nil {
		a.quit()
	}
}
