package service

import (
	"time"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/request"
	"github.com/affdesk/affdesk/backend/tracker"
)

// checkTimeout bounds a connection check.
const checkTimeout = 15 * time.Second

// CheckConnection validates in as a save would and makes the platform's
// cheap read call with it, without storing anything. Invalid input is an
// error; a failing call is a CheckResult that says why in plain words.
func (s *Services) CheckConnection(in core.ConnectionInput) (core.CheckResult, error) {
	c, err := s.prepareConnection(in)
	if err != nil {
		return core.CheckResult{}, err
	}
	sec, err := s.connectionSecrets(c, in.Secrets)
	if err != nil {
		return core.CheckResult{}, err
	}
	target, err := s.target(c, c.Platform, sec)
	if err != nil {
		return core.CheckResult{}, err
	}
	built, err := request.Build(tracker.CheckTemplate(c), target, nil, userAgent())
	if err != nil {
		return core.CheckResult{}, err
	}
	ctx, cancel := withTimeout(checkTimeout)
	defer cancel()
	sender := s.Sender
	sender.Timeout = checkTimeout
	resp, sendErr := sender.Send(ctx, built, target.SkipTLSVerify)
	res := request.Classify(c.Name, resp, sendErr)
	res.URL = request.NewMasker(target).Record(built).URL
	return res, nil
}

// target resolves where a connection's requests go, starting the demo
// tracker for Demo connections.
func (s *Services) target(c core.Connection, dialect core.Platform, sec map[string]string) (core.Target, error) {
	demoURL := ""
	if c.Platform == core.PlatformDemo {
		u, err := s.DemoURL()
		if err != nil {
			return core.Target{}, err
		}
		demoURL = u
	}
	return tracker.Resolve(c, dialect, sec, demoURL)
}
