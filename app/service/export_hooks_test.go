package service

// SetHookLogf makes the webhook listener log to f (tests read its lines).
func SetHookLogf(s *Services, f func(string, ...any)) { s.hooks.logf = f }
