package tracker

import "github.com/affdesk/affdesk/backend/core"

func init() {
	const P = core.PlatformCake
	preset("cake.postback.create", P, core.KindAdd, "POST", "/api/2/affiliate_postback.json", "CAKE: Create affiliate postback",
		"Registers a postback URL for an affiliate, e.g. during onboarding.", core.BodyJSON,
		withExample(param("affiliate_id", core.InBody, core.TypeInteger, true, "The affiliate to configure the postback for."), "67890"),
		withExample(param("offer_id", core.InBody, core.TypeInteger, true, "The offer it applies to; 0 for all offers."), "12345"),
		withExample(param("postback_url", core.InBody, core.TypeString, true, "Full URL with CAKE macros such as #reqsessid#, #price#, #status#."),
			"https://tracking.partner.example/postback?click_id=#reqsessid#&payout=#price#"),
		withDefault(withEnum(param("postback_status", core.InBody, core.TypeEnum, false, "Whether it fires."), "active", "inactive"), "active"),
		param("postback_type_id", core.InBody, core.TypeInteger, false, "1 Server-to-Server, 2 iFrame, 3 Image, 4 JavaScript."))
	preset("cake.affiliates.list", P, core.KindGet, "GET", "/api/2/affiliates.json", "CAKE: List affiliates",
		"Lists affiliates (at most 500 a call).", core.BodyJSON,
		param("start_at_row", core.InQuery, core.TypeInteger, false, "First row, from 1."),
		withDefault(param("row_limit", core.InQuery, core.TypeInteger, false, "Rows to return; at most 500."), "100"))
	paginate(core.Pagination{Kind: core.PageOffset, PageParam: "start_at_row", Start: 1, ItemsKey: "affiliates"})
}
