package tracker

import (
	"strings"

	"github.com/affdesk/affdesk/backend/core"
)

// endpoint names one documented endpoint of a platform.
type endpoint struct {
	platform     core.Platform
	method, path string
}

// rules holds each endpoint's documented rules. A new rule is one entry.
var rules = map[endpoint][]core.Rule{}

func rule(p core.Platform, method, path string, rs ...core.Rule) {
	key := endpoint{p, method, path}
	rules[key] = append(rules[key], rs...)
}

// RulesFor returns the documented rules of the endpoint a template calls,
// matched by platform, method and path (a trailing '/' ignored). Templates
// the user wrote by hand get the same rules as the presets.
func RulesFor(p core.Platform, method, path string) []core.Rule {
	return rules[endpoint{p, method, strings.TrimRight(path, "/")}]
}

func required(name, why string) core.Rule {
	return core.Rule{Kind: core.RuleRequired, Params: []string{name}, Message: name + " is required" + why + "."}
}

// dateRange gives a pair of date filters impact.com's rules: both or
// neither, in order, at most 45 days apart.
func dateRange(start, end string) []core.Rule {
	return []core.Rule{
		{Kind: core.RuleRequires, Params: []string{start, end}, Message: start + " needs " + end + " too: impact.com refuses one without the other."},
		{Kind: core.RuleRequires, Params: []string{end, start}, Message: end + " needs " + start + " too: impact.com refuses one without the other."},
		{Kind: core.RuleNotBefore, Params: []string{start, end}, Message: end + " is before " + start + "."},
		{Kind: core.RuleMaxSpan, Params: []string{start, end}, Days: 45,
			Message: start + " and " + end + " are more than 45 days apart, which impact.com refuses. Narrow the range, or turn on \"Split long date ranges\" to fetch it in 45-day windows."},
	}
}

func init() {
	const I = core.PlatformImpact
	identity := core.Rule{Kind: core.RuleOneOf, Groups: [][]string{{"ActionId"}, {"ActionTrackerId", "OrderId"}},
		Message: "Give the ActionId, or both ActionTrackerId and OrderId, to say which action."}
	for _, path := range []string{"/Actions", "/ActionUpdates"} {
		rule(I, "GET", path, required("CampaignId", " for a brand account's actions"))
		rule(I, "GET", path, dateRange("StartDate", "EndDate")...)
		rule(I, "GET", path, dateRange("ActionDateStart", "ActionDateEnd")...)
		rule(I, "GET", path, dateRange("LockingDateStart", "LockingDateEnd")...)
		rule(I, "GET", path,
			core.Rule{Kind: core.RuleMaxAge, Params: []string{"StartDate"}, Days: 3 * 365, Message: "StartDate cannot be more than 3 years in the past on impact.com."},
			core.Rule{Kind: core.RuleIntRange, Params: []string{"PageSize"}, Min: 2000, Max: 20000, Message: "PageSize must be between 2,000 and 20,000 on impact.com."})
	}
	rule(I, "PUT", "/Actions", required("Reason", ": impact.com needs a reason code for every change"), identity)
	rule(I, "DELETE", "/Actions", required("DispositionCode", ": impact.com needs a code saying why the action is reversed"), identity)
	for _, f := range []string{"affiliate_id", "offer_id", "postback_url"} {
		rule(core.PlatformCake, "POST", "/api/2/affiliate_postback.json", required(f, " to create a CAKE postback"))
	}
}
