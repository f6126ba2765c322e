package demotracker

import (
	"fmt"
	"time"
)

type impactAction struct {
	ID, CampaignID, PartnerID, PartnerName, State string
	Amount, Payout                                float64
	Event, Created, Locking, Updated              time.Time
	Oid, PromoCode, Country, Disposition          string
	Skus                                          []impactItem
	Changes                                       int
}

type impactItem struct {
	Sku, Name, Category string
	Quantity            int
	SaleAmount, Payout  float64
}

var itemNames = []struct{ sku, name, cat string }{
	{"SKU-1001", "Trail Runner 2", "Footwear"}, {"SKU-1002", "Court Classic", "Footwear"},
	{"SKU-2001", "Merino Socks (3 pack)", "Apparel"}, {"SKU-3001", "Tennis Balls (One Dozen)", "Sports"},
}

type randIntN interface{ IntN(int) int }

func genItems(rng randIntN, amount float64) []impactItem {
	n := 1 + rng.IntN(3)
	items := make([]impactItem, 0, n)
	for i := 0; i < n; i++ {
		it := itemNames[(rng.IntN(len(itemNames))+i)%len(itemNames)]
		share := amount / float64(n)
		items = append(items, impactItem{Sku: it.sku, Name: it.name, Category: it.cat, Quantity: 1 + rng.IntN(2), SaleAmount: share, Payout: share * 0.06})
	}
	return items
}

func money(v float64) string { return fmt.Sprintf("%.2f", v) }

func isoTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(pacific).Format("2006-01-02T15:04:05-07:00")
}

var pacific = time.FixedZone("PDT", -7*3600)

// json renders an action the way impact.com does: every value a string.
func (a *impactAction) json(base string) map[string]any {
	return map[string]any{
		"Id": a.ID, "CampaignId": a.CampaignID, "CampaignName": "Acme Campaign", "ActionTrackerId": "2240",
		"ActionTrackerName": "Sale", "EventCode": "", "MediaPartnerId": a.PartnerID, "MediaPartnerName": a.PartnerName,
		"State": a.State, "AdId": "506720", "ClientCost": money(a.Payout * 1.1), "Payout": money(a.Payout),
		"DeltaPayout": money(a.Payout), "IntendedPayout": money(a.Payout), "Amount": money(a.Amount),
		"DeltaAmount": money(a.Amount), "IntendedAmount": money(a.Amount), "Currency": "USD",
		"ReferringDate": isoTime(a.Event.Add(-47 * time.Minute)), "EventDate": isoTime(a.Event),
		"CreationDate": isoTime(a.Created), "LockingDate": isoTime(a.Locking), "ClearedDate": "",
		"ReferringType": "CLICK_COOKIE", "ReferringDomain": "", "PromoCode": a.PromoCode, "Oid": a.Oid,
		"CustomerId": "C" + a.Oid, "CustomerStatus": "NEW", "CustomerCountry": a.Country, "Note": "",
		"Uri": base + "/Actions/" + a.ID,
	}
}

func (it impactItem) json(base, actionID string) map[string]any {
	return map[string]any{
		"Sku": it.Sku, "ItemName": it.Name, "Category": it.Category, "Quantity": fmt.Sprint(it.Quantity),
		"SaleAmount": money(it.SaleAmount), "SaleAmountCurrency": "USD", "Payout": money(it.Payout),
		"PayoutCurrency": "USD", "Rebate": "0", "RebateCurrency": "USD", "AdjustmentDate": "", "AdjustmentReason": "",
		"Uri": base + "/Actions/" + actionID + "/Items/" + it.Sku,
	}
}
