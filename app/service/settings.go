package service

import (
	"strconv"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/request"
)

// keyMaxResponseMB is the setting that caps a response's size.
const keyMaxResponseMB = "max_response_mb"

// DefaultMaxResponseMB is the response size cap unless Settings changes it.
const DefaultMaxResponseMB = request.DefaultMaxBody >> 20

// applySettings loads stored settings into the running services.
func (s *Services) applySettings() error {
	mb, err := s.MaxResponseMB()
	if err != nil {
		return err
	}
	s.Client.MaxBody = int64(mb) << 20
	return nil
}

// MaxResponseMB returns the response size cap in MiB.
func (s *Services) MaxResponseMB() (int, error) {
	raw, err := s.DB.Setting(keyMaxResponseMB)
	if err != nil || raw == "" {
		return DefaultMaxResponseMB, err
	}
	n, err := strconv.Atoi(raw)
	if err != nil || n <= 0 {
		return DefaultMaxResponseMB, nil
	}
	return n, nil
}

// SetMaxResponseMB stores and applies the response size cap (1 to 2,048 MiB).
func (s *Services) SetMaxResponseMB(n int) error {
	if n < 1 || n > 2048 {
		return core.FieldError("maxResponseMB", "The response size limit must be between 1 and 2,048 MiB.")
	}
	if err := s.DB.SetSetting(keyMaxResponseMB, strconv.Itoa(n)); err != nil {
		return err
	}
	s.Client.MaxBody = int64(n) << 20
	return nil
}
