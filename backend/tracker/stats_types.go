package tracker

import (
	"strings"
	"time"

	"github.com/affdesk/affdesk/backend/core"
)

// affiseRow reads a /3.0/stats/custom row: {slice, traffic, actions.total}.
func affiseRow(dim string) func(map[string]any) map[string]any {
	return func(r map[string]any) map[string]any {
		total, _ := core.Dig(r, "actions.total").(map[string]any)
		rev, pay := num(total["revenue"]), num(total["charge"])
		out := map[string]any{"clicks": core.Dig(r, "traffic.raw"), "conversions": total["count"], "revenue": rev, "payout": pay, "profit": rev.Sub(pay)}
		slice := core.Dig(r, "slice."+dim)
		if m, ok := slice.(map[string]any); ok {
			out[dim+"_id"], out[dim] = str(m["id"]), str(m["title"])
		} else {
			out[dim+"_id"], out[dim] = str(slice), str(slice)
		}
		return out
	}
}

func affiseDates(from, to time.Time) map[string]string {
	return map[string]string{"filter[date_from]": day(from), "filter[date_to]": day(to)}
}

func init() {
	for _, d := range []struct{ slice, dim, label, name string }{
		{"affiliate", "affiliate", "Affiliate", "By affiliate"}, {"advertiser", "advertiser", "Advertiser", "By advertiser"},
		{"offer", "offer", "Offer", "By offer"}, {"day", "day", "Date", "By date"},
	} {
		statType(StatType{ID: "affise_admin.by_" + d.dim, Platform: core.PlatformAffiseAdmin, Name: "Affise: " + d.name, Key: d.dim + "_id",
			Columns: cols(StatColumn{Key: d.dim + "_id", Label: d.label + " ID"}, StatColumn{Key: d.dim, Label: d.label}),
			request: getTemplate(core.PlatformAffiseAdmin, "/3.0/stats/custom", q("filter[date_from]"), q("filter[date_to]"),
				core.Param{Name: "slice[]", In: core.InQuery, Type: core.TypeArray, Default: d.slice}),
			dates: affiseDates, rows: "stats", mapRow: affiseRow(d.dim)})
	}
	statType(StatType{ID: "affise_affiliate.by_offer", Platform: core.PlatformAffiseAffiliate, Name: "Affise affiliate: By offer", Key: "offer_id",
		Columns: cols(StatColumn{Key: "offer_id", Label: "Offer ID"}, StatColumn{Key: "offer", Label: "Offer"}),
		request: getTemplate(core.PlatformAffiseAffiliate, "/3.0/stats/getbyprogram", q("filter[date_from]"), q("filter[date_to]")),
		dates:   affiseDates, rows: "stats", mapRow: affiseRow("offer")})
	registerBinomStats()
	registerCakeStats()
	registerImpactStats()
	registerEverflowStats()
}

func registerBinomStats() {
	for _, d := range []struct{ group, key, label, name string }{
		{"trafficSource", "traffic_source", "Traffic source", "By traffic source"}, {"campaign", "campaign", "Campaign", "By campaign"}, {"day", "day", "Date", "By date"},
	} {
		d := d
		statType(StatType{ID: "binom.by_" + d.key, Platform: core.PlatformBinom, Name: "Binom: " + d.name, Key: d.key + "_id",
			Columns: cols(StatColumn{Key: d.key + "_id", Label: d.label + " ID"}, StatColumn{Key: d.key, Label: d.label}),
			request: getTemplate(core.PlatformBinom, "/public/api/v1/report/campaign", q("datePreset"), q("dateFrom"), q("dateTo"), q("timezone"),
				core.Param{Name: "groupings[]", In: core.InQuery, Type: core.TypeArray, Default: d.group}),
			dates: func(from, to time.Time) map[string]string {
				return map[string]string{"datePreset": "custom_time", "dateFrom": from.Format("2006-01-02 15:04:05"), "dateTo": to.Format("2006-01-02 15:04:05"), "timezone": from.Location().String()}
			},
			rows: "report",
			mapRow: func(r map[string]any) map[string]any {
				rev, cost := num(r["revenue"]), num(r["cost"])
				return map[string]any{d.key + "_id": str(r["entity_id"]), d.key: str(r["name"]), "clicks": r["clicks"], "conversions": r["leads"],
					"revenue": rev, "payout": cost, "profit": rev.Sub(cost)}
			}})
	}
}

func registerCakeStats() {
	dates := func(from, to time.Time) map[string]string {
		return map[string]string{"start_date": day(from), "end_date": day(to.Add(time.Second))}
	}
	row := func(idKey, nameKey, key string) func(map[string]any) map[string]any {
		return func(r map[string]any) map[string]any {
			rev, pay := num(r["revenue"]), num(r["cost"])
			return map[string]any{key + "_id": str(r[idKey]), key: str(r[nameKey]), "clicks": r["clicks"], "conversions": r["conversions"], "revenue": rev, "payout": pay, "profit": rev.Sub(pay)}
		}
	}
	statType(StatType{ID: "cake.daily_summary", Platform: core.PlatformCake, Name: "CAKE: Daily summary", Key: "date_id",
		Columns: cols(StatColumn{Key: "date_id", Label: "Date ID"}, StatColumn{Key: "date", Label: "Date"}),
		request: getTemplate(core.PlatformCake, "/api/2/reports/daily_summary.json", q("start_date"), q("end_date")),
		dates:   dates, rows: "days", mapRow: row("date", "date", "date")})
	statType(StatType{ID: "cake.campaign_summary", Platform: core.PlatformCake, Name: "CAKE: Campaign summary", Key: "campaign_id",
		Columns: cols(StatColumn{Key: "campaign_id", Label: "Campaign ID"}, StatColumn{Key: "campaign", Label: "Campaign"}),
		request: getTemplate(core.PlatformCake, "/api/2/reports/campaign_summary.json", q("start_date"), q("end_date")),
		dates:   dates, rows: "campaigns", mapRow: row("campaign_id", "campaign_name", "campaign")})
}

func registerImpactStats() {
	for _, d := range []struct{ report, key, label, name string }{{"partner_performance", "partner", "Partner", "By partner"}, {"performance_by_day", "date", "Date", "By date"}} {
		d := d
		statType(StatType{ID: "impact.by_" + d.key, Platform: core.PlatformImpact, Name: "impact.com: " + d.name, Key: d.key + "_id",
			Columns: cols(StatColumn{Key: d.key + "_id", Label: d.label + " ID"}, StatColumn{Key: d.key, Label: d.label}),
			request: getTemplate(core.PlatformImpact, "/Reports/"+d.report, q("START_DATE"), q("END_DATE")),
			dates: func(from, to time.Time) map[string]string {
				return map[string]string{"START_DATE": day(from), "END_DATE": day(to)}
			},
			rows: "Records",
			mapRow: func(r map[string]any) map[string]any {
				rev, pay := num(r["Revenue"]), num(r["Payout"])
				return map[string]any{d.key + "_id": str(r["Id"]), d.key: str(r["Name"]), "clicks": r["Clicks"], "conversions": r["Actions"], "revenue": rev, "payout": pay, "profit": rev.Sub(pay)}
			}})
	}
}

func registerEverflowStats() {
	for _, d := range []struct{ column, key, label, name string }{{"affiliate", "partner", "Partner", "By partner"}, {"date", "date", "Date", "By date"}} {
		d := d
		t := core.ActionTemplate{Name: "stats", Platform: core.PlatformEverflow, Kind: core.KindGet, Method: "POST", Path: "/v1/networks/reporting/entity/table",
			BodyEncoding: core.BodyJSON, Idempotent: true, Retries: DefaultRetries, Params: []core.Param{
				{Name: "from", In: core.InBody, Type: core.TypeString}, {Name: "to", In: core.InBody, Type: core.TypeString},
				{Name: "timezone_id", In: core.InBody, Type: core.TypeInteger, Default: "67"}, {Name: "currency_id", In: core.InBody, Type: core.TypeString, Default: "USD"},
				{Name: "column", In: core.InBody, Type: core.TypeString, Default: d.column}}}
		statType(StatType{ID: "everflow.by_" + d.key, Platform: core.PlatformEverflow, Name: "Everflow: " + d.name, Key: d.key + "_id",
			Columns: cols(StatColumn{Key: d.key + "_id", Label: d.label + " ID"}, StatColumn{Key: d.key, Label: d.label}),
			request: t,
			dates:   func(from, to time.Time) map[string]string { return map[string]string{"from": day(from), "to": day(to)} },
			rows:    "table",
			mapRow: func(r map[string]any) map[string]any {
				rev, pay := num(core.Dig(r, "reporting.revenue")), num(core.Dig(r, "reporting.payout"))
				cols, _ := r["columns"].([]any)
				id, label := "", ""
				if len(cols) > 0 {
					c, _ := cols[0].(map[string]any)
					id, label = str(c["id"]), str(c["label"])
				}
				return map[string]any{d.key + "_id": strings.TrimSpace(id), d.key: label, "clicks": core.Dig(r, "reporting.total_click"),
					"conversions": core.Dig(r, "reporting.cv"), "revenue": rev, "payout": pay, "profit": rev.Sub(pay)}
			}})
	}
}
