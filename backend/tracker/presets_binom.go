package tracker

import "github.com/affdesk/affdesk/backend/core"

func init() {
	const P = core.PlatformBinom
	preset("binom.campaign.get", P, core.KindGet, "GET", "/public/api/v1/campaign/{campaign_id}", "Binom: Get campaign",
		"Reads one campaign's settings.", core.BodyJSON,
		withExample(param("campaign_id", core.InPath, core.TypeInteger, true, "The campaign's ID."), "1"))
	preset("binom.report.campaign", P, core.KindGet, "GET", "/public/api/v1/report/campaign", "Binom: Campaign report",
		"Stats grouped as you choose, for a date preset or range.", core.BodyJSON,
		withDefault(withEnum(param("datePreset", core.InQuery, core.TypeEnum, false, "A named range; or leave empty and give dateFrom and dateTo."),
			"today", "yesterday", "last_7_days", "last_14_days", "last_30_days", "this_month", "last_month", "this_year", "custom_time"), "last_7_days"),
		param("dateFrom", core.InQuery, core.TypeString, false, "Start, as YYYY-MM-DD HH:MM:SS (with datePreset custom_time)."),
		param("dateTo", core.InQuery, core.TypeString, false, "End, as YYYY-MM-DD HH:MM:SS."),
		withDefault(param("timezone", core.InQuery, core.TypeString, false, "IANA timezone of the dates."), "UTC"),
		withDefault(param("groupings[]", core.InQuery, core.TypeArray, true, "Group rows by, e.g. campaign, day, trafficSource."), "campaign"),
		param("ids[]", core.InQuery, core.TypeArray, false, "Only these campaign IDs."),
		param("sortColumn", core.InQuery, core.TypeString, false, "Column to sort by, e.g. clicks."),
		withEnum(param("sortType", core.InQuery, core.TypeEnum, false, "Sort order."), "asc", "desc"),
		param("limit", core.InQuery, core.TypeInteger, false, "Rows to return."))
}
