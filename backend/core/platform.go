package core

// Platform names the tracker API a connection or template speaks. The
// string values are persisted: never change one.
type Platform string

// The platforms AffDesk knows.
const (
	PlatformAffiseAdmin     Platform = "affise_admin"
	PlatformAffiseAffiliate Platform = "affise_affiliate"
	PlatformBinom           Platform = "binom"
	PlatformCake            Platform = "cake"
	PlatformImpact          Platform = "impact"
	PlatformEverflow        Platform = "everflow"
	PlatformCustom          Platform = "custom"
	PlatformDemo            Platform = "demo"
)

// Platforms lists every platform in the order the UI offers them.
var Platforms = []Platform{
	PlatformAffiseAdmin, PlatformAffiseAffiliate, PlatformBinom, PlatformCake,
	PlatformImpact, PlatformEverflow, PlatformCustom, PlatformDemo,
}

// Valid reports whether p is one of Platforms.
func (p Platform) Valid() bool {
	for _, q := range Platforms {
		if p == q {
			return true
		}
	}
	return false
}

// String returns the persisted value.
func (p Platform) String() string { return string(p) }
