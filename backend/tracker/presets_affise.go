package tracker

import "github.com/affdesk/affdesk/backend/core"

func init() {
	const P = core.PlatformAffiseAdmin
	id := func(name, desc, example string) core.Param {
		return withExample(param(name, core.InPath, core.TypeString, true, desc), example)
	}
	preset("affise.partner.get", P, core.KindGet, "GET", "/3.0/admin/partner/{affiliate_id}", "Affise: Get affiliate",
		"Reads one affiliate (partner). The record is under \"partner\" in the response.", core.BodyForm,
		id("affiliate_id", "The affiliate's ID.", "1"))
	preset("affise.partner.edit", P, core.KindEdit, "POST", "/3.0/admin/partner/{affiliate_id}", "Affise: Edit affiliate",
		"Changes an affiliate's status or details. Fields left empty are not sent.", core.BodyForm,
		id("affiliate_id", "The affiliate's ID.", "1"),
		withEnum(param("status", core.InBody, core.TypeEnum, false, "New status."), "not active", "active", "banned", "on moderation"),
		param("email", core.InBody, core.TypeString, false, "New e-mail address."),
		param("notes", core.InBody, core.TypeString, false, "Manager notes."))
	safeToRepeat()
	preset("affise.partners.list", P, core.KindGet, "GET", "/3.0/admin/partners", "Affise: List affiliates",
		"Lists affiliates, 50 per page by default (500 at most).", core.BodyForm,
		param("page", core.InQuery, core.TypeInteger, false, "Page number, from 1."),
		param("limit", core.InQuery, core.TypeInteger, false, "Affiliates per page (at most 500)."))
	paginate(core.Pagination{Kind: core.PageAffise, PageParam: "page", SizeParam: "limit", ItemsKey: "partners"})
	preset("affise.offer.status", P, core.KindEdit, "POST", "/3.0/admin/offer/{offer_id}", "Affise: Change offer status",
		"Sets an offer active, stopped or suspended.", core.BodyForm,
		id("offer_id", "The offer's ID.", "101"),
		withEnum(param("status", core.InBody, core.TypeEnum, true, "New status."), "active", "stopped", "suspended"))
	safeToRepeat()
	preset("affise.conversion.status", P, core.KindEdit, "POST", "/3.0/admin/conversion/edit", "Affise: Change conversion status",
		"Changes the status of conversions. Affise applies the change a few minutes later.", core.BodyForm,
		withExample(param("ids[]", core.InBody, core.TypeArray, true, "Conversion IDs, separated by commas."), "5f3a1c0e9b1d2a0001a1b2c3"),
		withEnum(param("status", core.InBody, core.TypeEnum, true, "New status."), "confirmed", "pending", "declined", "hold", "not_found"))
	safeToRepeat()
	preset("affise.postback.create", P, core.KindAdd, "POST", "/3.0/partner/postback", "Affise: Create postback",
		"Adds a postback for an affiliate; with no offer_id it is global.", core.BodyForm,
		withExample(param("pid", core.InBody, core.TypeInteger, true, "The affiliate's ID."), "1"),
		withExample(param("url", core.InBody, core.TypeString, true, "Postback URL with Affise macros, e.g. {clickid}."), "https://partner.example/pb?click={clickid}"),
		param("offer_id", core.InBody, core.TypeInteger, false, "Offer ID; empty for a global postback."),
		param("status", core.InBody, core.TypeString, false, "Conversion status that fires it, e.g. confirmed."),
		param("goal", core.InBody, core.TypeString, false, "Goal that fires it."))
	preset("affise.affiliate.me", core.PlatformAffiseAffiliate, core.KindGet, "GET", "/3.1/partner/me", "Affise: My affiliate profile",
		"Reads the profile of the affiliate whose key the connection uses.", core.BodyForm)
}
