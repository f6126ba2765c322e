package tracker

import "github.com/affdesk/affdesk/backend/core"

// impact.com reason and disposition codes, as documented for the Actions API.
var impactReasons = []string{"ORDER_UPDATE", "ITEM_RETURNED", "CONS_FRAUD", "CONS_ERROR", "ORDER_ERROR",
	"PUB_ACT_DISPUTE", "ADV_ACT_DISPUTE", "NOT_COMPLIANCE_TERMS", "ITEM_OUT_OF_STOCK", "TEST_ACTION",
	"PARTNER_NOT_ACTIVE", "CREDITED_DIFFERENT_MP", "OTHER"}

func impactDates(prefix, what string) []core.Param {
	return []core.Param{
		param(prefix+"Start", core.InQuery, core.TypeDateTime, false, what+" on or after this time (ISO 8601 with time). Needs "+prefix+"End."),
		param(prefix+"End", core.InQuery, core.TypeDateTime, false, what+" on or before this time (ISO 8601 with time). Needs "+prefix+"Start."),
	}
}

func actionIdentity(idExample string) []core.Param {
	return []core.Param{
		withExample(param("ActionId", core.InBody, core.TypeString, false, "The action's impact.com ID. Required unless ActionTrackerId and OrderId are given."), idExample),
		param("ActionTrackerId", core.InBody, core.TypeInteger, false, "Event type ID; with OrderId, instead of ActionId."),
		param("OrderId", core.InBody, core.TypeString, false, "Your order ID; with ActionTrackerId, instead of ActionId."),
	}
}

func init() {
	const P = core.PlatformImpact
	list := []core.Param{
		withExample(param("CampaignId", core.InQuery, core.TypeInteger, true, "The campaign (program) to list actions for."), "1000"),
		withEnum(param("State", core.InQuery, core.TypeEnum, false, "Only actions in this state."), "PENDING", "APPROVED", "REVERSED"),
		param("StartDate", core.InQuery, core.TypeDateTime, false, "Last updated on or after (ISO 8601 with time). Needs EndDate; at most 45 days before it and 3 years back."),
		param("EndDate", core.InQuery, core.TypeDateTime, false, "Last updated on or before (ISO 8601 with time). Needs StartDate."),
	}
	list = append(list, impactDates("ActionDate", "EventDate")...)
	list = append(list, impactDates("LockingDate", "LockingDate")...)
	list = append(list,
		param("Page", core.InQuery, core.TypeInteger, false, "Page number, from 1."),
		param("PageSize", core.InQuery, core.TypeInteger, false, "Records per page: 2,000 to 20,000 (default 20,000)."))
	preset("impact.actions.list", P, core.KindGet, "GET", "/Actions", "impact.com: List actions",
		"Lists the actions (conversions) of a campaign, newest first. With no dates, the last 7 days.", core.BodyForm, list...)
	paginate(core.Pagination{Kind: core.PageImpact, ItemsKey: "Actions", IDKey: "Id"})
	preset("impact.actions.get", P, core.KindGet, "GET", "/Actions/{ActionId}", "impact.com: Get an action",
		"Reads one action by its ID.", core.BodyForm,
		withExample(param("ActionId", core.InPath, core.TypeString, true, "The action's impact.com ID, e.g. 1000.4636.158133."), "1000.4636.158133"))
	update := append(actionIdentity("1000.4636.158133"),
		withDefault(withEnum(param("Reason", core.InBody, core.TypeEnum, true, "Why the action changes."), impactReasons...), "ORDER_UPDATE"),
		param("Amount", core.InBody, core.TypeNumber, false, "New total sale amount. 0 on a tracked non-zero amount reverses the action."),
		param("CustomerStatus", core.InBody, core.TypeString, false, "New customer status, e.g. NEW or EXISTING."),
	)
	preset("impact.actions.update", P, core.KindEdit, "PUT", "/Actions", "impact.com: Update an action",
		"Sets an action's total amount or customer status. Queued by impact.com; at most 1,000 changes per action.", core.BodyForm, update...)
	safeToRepeat() // it sets absolute values: a repeat leaves the same action
	items := append(actionIdentity("1000.4636.158133"),
		withDefault(withEnum(param("Reason", core.InBody, core.TypeEnum, true, "Why the item changes."), impactReasons...), "ITEM_RETURNED"),
		withExample(param("Sku", core.InBody, core.TypeString, true, "SKU of the item to change."), "SKU-1001"),
		param("Quantity", core.InBody, core.TypeInteger, false, "New quantity of the item."),
		param("ItemSubTotalDelta", core.InBody, core.TypeNumber, false, "Amount to add to (or subtract from) the item's sale amount."),
	)
	preset("impact.actions.update_items", P, core.KindEdit, "PUT", "/Actions", "impact.com: Change an action's item",
		"Changes one line item: its quantity, or its sale amount by a delta. Not safe to repeat: a repeated delta is applied twice. Queued by impact.com; at most 1,000 changes per action.", core.BodyForm, items...)
	reverse := append(actionIdentity("1000.4636.158133"),
		withEnum(param("DispositionCode", core.InBody, core.TypeEnum, true, "Why the action is reversed."), impactReasons...))
	preset("impact.actions.reverse", P, core.KindEdit, "DELETE", "/Actions", "impact.com: Reverse an action",
		"Reverses an action so it will not pay out. Queued by impact.com.", core.BodyForm, reverse...)
	preset("impact.actions.items", P, core.KindGet, "GET", "/Actions/{ActionId}/Items", "impact.com: List action items",
		"Lists the line items of an action.", core.BodyForm,
		withExample(param("ActionId", core.InPath, core.TypeString, true, "The action's impact.com ID."), "1000.4636.158133"))
	paginate(core.Pagination{Kind: core.PageImpact, ItemsKey: "Items"})
	preset("impact.actions.item", P, core.KindGet, "GET", "/Actions/{ActionId}/Items/{Sku}", "impact.com: Get an action item",
		"Reads one line item of an action by SKU.", core.BodyForm,
		withExample(param("ActionId", core.InPath, core.TypeString, true, "The action's impact.com ID."), "1000.4636.158133"),
		withExample(param("Sku", core.InPath, core.TypeString, true, "The item's SKU."), "SKU-1001"))
}
