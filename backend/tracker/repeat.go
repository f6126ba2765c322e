package tracker

import (
	"strings"

	"github.com/affdesk/affdesk/backend/core"
)

// delta is a documented parameter whose value the tracker adds to what
// it holds, or applies as one more change, so a repeated call does not
// leave the tracker as one call would.
type delta struct {
	platform core.Platform
	method   string // "" for any
	path     string // the endpoint path, or a suffix of it for CAKE's versioned paths
	param    string // also matches indexed forms: Quantity2, Quantity3, …
	why      string
}

var deltas = []delta{
	{core.PlatformImpact, "PUT", "/Actions", "ItemSubTotalDelta",
		"adds to (or subtracts from) the item's sale amount: sent twice, it is applied twice"},
	{core.PlatformImpact, "PUT", "/Actions", "Quantity",
		"changes a line item, and impact.com records each item change as one more modification of the action (returns among them)"},
	{core.PlatformCake, "", "/UpdateConversion", "add_to_existing_payout",
		"adds the payout to the conversion's existing payout: sent twice, it is added twice"},
}

// CheckSafeToRepeat refuses "Safe to repeat" on a template that has a
// parameter the tracker documents as a delta (impact.com's
// ItemSubTotalDelta and Quantity on PUT /Actions, CAKE's
// add_to_existing_payout on UpdateConversion): such a write must never be
// resent after an unknown outcome. The error is a FieldError on
// "idempotent" that names the parameter. A template not marked safe to
// repeat always passes.
func CheckSafeToRepeat(t core.ActionTemplate) error {
	if !t.Idempotent || !t.IsWrite() {
		return nil
	}
	for _, d := range deltas {
		if !d.matches(t) {
			continue
		}
		for _, p := range t.Params {
			if isIndexed(p.Name, d.param) && !fixedOff(p) {
				return core.FieldError("idempotent", "This template cannot be safe to repeat: %s %s. Turn \"Safe to repeat\" off, or remove the parameter %s.", p.Name, d.why, p.Name)
			}
		}
	}
	return nil
}

func (d delta) matches(t core.ActionTemplate) bool {
	path := strings.TrimRight(t.Path, "/")
	return t.Platform == d.platform && (d.method == "" || d.method == t.Method) &&
		(path == d.path || strings.HasSuffix(strings.ToLower(path), strings.ToLower(d.path)))
}

// isIndexed reports whether name is base or base followed by an index
// (impact.com's bulk item form: Quantity2, Quantity3, …).
func isIndexed(name, base string) bool {
	if !strings.EqualFold(name, base) && !strings.HasPrefix(strings.ToLower(name), strings.ToLower(base)) {
		return false
	}
	rest := name[len(base):]
	return strings.Trim(rest, "0123456789") == ""
}

// fixedOff reports whether a flag parameter can only be false: a CAKE
// template that must send add_to_existing_payout but pins it to false.
func fixedOff(p core.Param) bool {
	if p.Type != core.TypeEnum || len(p.Enum) == 0 {
		return false
	}
	for _, v := range p.Enum {
		if v != "0" && !strings.EqualFold(v, "false") {
			return false
		}
	}
	return true
}
