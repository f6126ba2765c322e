package service

import (
	"strconv"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/engine"
)

// keyBodyBudget is the setting that holds how many bytes of loop item
// response bodies one run keeps in all.
const keyBodyBudget = "run_body_budget"

// BodyBudget returns the bytes of loop item response bodies each run
// keeps: the setting, or engine.DefaultBodyBudget when it is unset.
func (s *Services) BodyBudget() int {
	raw, err := s.DB.Setting(keyBodyBudget)
	if n, perr := strconv.Atoi(raw); err == nil && perr == nil && n > 0 {
		return n
	}
	return engine.DefaultBodyBudget
}

// SetBodyBudget stores the bytes of response bodies each run keeps, from
// 1 KiB to 16 MiB; runs starting afterwards use it.
func (s *Services) SetBodyBudget(n int) error {
	if n < 1<<10 || n > 16<<20 {
		return core.FieldError("bodyBudget", "Keep 1 KiB to 16 MiB of response bodies per run.")
	}
	return s.DB.SetSetting(keyBodyBudget, strconv.Itoa(n))
}
