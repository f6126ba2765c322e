package pick_test

// Floors measured with ojg v1.28.5 under pick's step-by-step evaluation (288/456 and 68/247): the suite's
// result falling below them means selection regressed.
const (
	minValidPass   = 0.63
	minInvalidPass = 0.27
)
