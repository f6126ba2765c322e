package service

import (
	"context"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/engine"
)

// CallSelect runs a read with selections as the engine's caller does.
func CallSelect(s *Services, tpl core.ActionTemplate, paths []string) (engine.Outcome, error) {
	return caller{s}.CallSelect(context.Background(), tpl, nil, paths)
}
