package service

import "github.com/affdesk/affdesk/backend/schedule"

// ScheduleListing is one automation's schedule as `schedule list` prints it.
type ScheduleListing struct {
	ScheduleState
	Name        string `json:"name"`
	Description string `json:"description"`
}

// ScheduleListings returns every automation that has a schedule, with its
// state and its schedule in words.
func (s *Services) ScheduleListings() ([]ScheduleListing, error) {
	states, err := s.ScheduleStates()
	if err != nil {
		return nil, err
	}
	out := make([]ScheduleListing, 0, len(states))
	for _, st := range states {
		a, err := s.DB.GetAutomation(st.AutomationID)
		if err != nil {
			return nil, err
		}
		out = append(out, ScheduleListing{ScheduleState: st, Name: a.Name, Description: schedule.Describe(*a.Schedule)})
	}
	return out, nil
}
