package pick_test

// Floors measured with ojg v1.28.5 (286/456 and 68/247): the suite's
// result falling below them means selection regressed.
const (
	minValidPass   = 0.62
	minInvalidPass = 0.27
)
