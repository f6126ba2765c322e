package service

import (
	"strings"

	"github.com/affdesk/affdesk/backend/core"
)

// ListRuns lists runs filtered by f and, when ref is set, by automation:
// the runs of ListRunsPage.
func (s *Services) ListRuns(ref string, f core.RunFilter) ([]core.Run, error) {
	page, err := s.ListRunsPage(ref, f)
	return page.Runs, err
}

// ListRunsPage lists a page of runs filtered by f and, when ref is set,
// by automation, and says where it stopped (core.RunPage): a search
// (f.Query) returns at most core.MaxRunSearch runs and reads at most
// core.RunSearchBudget runs per call; listing again with f.Before set to
// the page's Next goes on with older runs. A search also matches every
// run of an automation whose step names or template names hold it.
func (s *Services) ListRunsPage(ref string, f core.RunFilter) (core.RunPage, error) {
	if ref != "" {
		a, err := s.FindAutomation(ref)
		if err != nil {
			return core.RunPage{}, err
		}
		f.AutomationID = a.ID
	}
	if strings.TrimSpace(f.Query) != "" {
		ids, err := s.automationsByStepText(f.Query)
		if err != nil {
			return core.RunPage{}, err
		}
		f.QueryAutomations = ids
	}
	return s.DB.ListRunsPage(f)
}

// FullRun returns a run with the write summary and every item of each
// top-level loop, as the command line prints it.
func (s *Services) FullRun(id uint64) (core.Run, error) {
	run, err := s.DB.GetRun(id)
	if err != nil {
		return run, err
	}
	items := s.LoopItems(id)
	for i := range run.Steps {
		if run.Steps[i].Kind == core.StepForEach {
			run.Steps[i].Iterations = items(run.Steps[i].Label)
		}
	}
	return run, nil
}

// LoopItems returns a function that reads every item of a run's loop.
func (s *Services) LoopItems(runID uint64) func(step string) []core.Iteration {
	return func(step string) []core.Iteration {
		var out []core.Iteration
		for {
			page, err := s.DB.ListItems(core.ItemFilter{RunID: runID, Step: step, Offset: len(out), Limit: 500})
			if err != nil || len(page.Items) == 0 {
				return out
			}
			out = append(out, page.Items...)
		}
	}
}
