package demotracker

import (
	"fmt"
	"math/rand/v2"
	"time"
)

// dataset is the demo tracker's sample data. It is generated from a fixed
// seed, with dates counted back from the day the server started, so the
// same day always gives the same data.
type dataset struct {
	day      time.Time
	actions  []*impactAction
	partners []*partner
	offers   []*offer
	postback int // next postback ID
}

var partnerNames = []string{"Blue Harbor Media", "Cobalt Coupons", "Dune Deals", "Ember Reviews", "Fjord Cashback",
	"Granite Loyalty", "Helios Content", "Iris Influence", "Juniper Rewards", "Kestrel Search", "Lumen Mobile", "Mosaic Social"}

var offerNames = []string{"Acme Sneakers US", "Acme Sneakers EU", "Nimbus VPN Trial", "Orbit Meal Kits",
	"Pulse Fitness App", "Quill Note Pro", "Rivet Tools Store", "Solace Sleep Tracker"}

type partner struct {
	ID      int
	Name    string
	Login   string
	Email   string
	Status  string
	Country string
	Created time.Time
}

type offer struct {
	ID     int
	Title  string
	Status string
	Payout float64
	Cap    int
}

func newDataset(now time.Time) *dataset {
	day := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	rng := rand.New(rand.NewPCG(20240805, 1000))
	d := &dataset{day: day, postback: 8800}
	countries := []string{"US", "GB", "DE", "FR", "CA", "AU"}
	for i, name := range partnerNames {
		status := []string{"active", "active", "active", "on moderation", "not active"}[i%5]
		d.partners = append(d.partners, &partner{ID: i + 1, Name: name, Login: slug(name), Email: slug(name) + "@example.com",
			Status: status, Country: countries[i%len(countries)], Created: day.AddDate(0, -i-1, 0)})
	}
	for i, title := range offerNames {
		d.offers = append(d.offers, &offer{ID: 101 + i, Title: title, Status: []string{"active", "active", "stopped"}[i%3],
			Payout: float64(2+rng.IntN(40)) + 0.5, Cap: 100 * (1 + rng.IntN(5))})
	}
	d.actions = genActions(rng, day, d.partners)
	documentedExample(d.actions[0], day)
	return d
}

func slug(s string) string {
	out := make([]rune, 0, len(s))
	for _, r := range s {
		switch {
		case r >= 'A' && r <= 'Z':
			out = append(out, r+32)
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			out = append(out, r)
		case r == ' ':
			out = append(out, '.')
		}
	}
	return string(out)
}

// actionCount is enough impact.com actions (about 50 a day over 60 days)
// that a 45-day list needs two pages at the API's minimum page size.
const actionCount = 3000

func genActions(rng *rand.Rand, day time.Time, partners []*partner) []*impactAction {
	var out []*impactAction
	for i := 0; i < actionCount; i++ {
		p := partners[rng.IntN(len(partners))]
		event := day.Add(-time.Duration(rng.IntN(60*24)) * time.Hour).Add(-time.Duration(rng.IntN(3600)) * time.Second)
		amount := float64(rng.IntN(20000))/100 + 5
		rate := []float64{0.04, 0.06, 0.08, 0.1}[rng.IntN(4)]
		state := "PENDING"
		locking := event.AddDate(0, 0, 30)
		if locking.Before(day) {
			state = "APPROVED"
		}
		if rng.IntN(12) == 0 {
			state = "REVERSED"
		}
		out = append(out, &impactAction{
			ID: fmt.Sprintf("1000.%d.%d", 4600+i/50, 160000+i), CampaignID: "1000", PartnerID: fmt.Sprint(39780 + p.ID),
			PartnerName: p.Name, State: state, Amount: amount, Payout: amount * rate, Event: event,
			Created: event.Add(9 * time.Minute), Locking: locking, Oid: fmt.Sprint(9217374910000 + int64(i)*37),
			PromoCode: []string{"", "TEST", "SPRING10", "WELCOME5", "VIP20"}[rng.IntN(5)], Country: []string{"US", "US", "CA", "GB"}[rng.IntN(4)],
			Skus: genItems(rng, amount),
		})
	}
	return out
}

// documentedExample makes the first action the one impact.com's docs use
// (1000.4636.158133), pending and recent, so presets' sample values work.
func documentedExample(a *impactAction, day time.Time) {
	a.ID, a.Oid, a.State = "1000.4636.158133", "9217374917472", "PENDING"
	a.Event = day.Add(-20 * time.Hour)
	a.Created = a.Event.Add(9 * time.Minute)
	a.Locking = a.Event.AddDate(0, 0, 30)
	a.Amount, a.Payout = 21.99, 0.88
	a.Skus = []impactItem{
		{Sku: "SKU-1001", Name: "Trail Runner 2", Category: "Footwear", Quantity: 1, SaleAmount: 19.27, Payout: 0.77},
		{Sku: "SKU-3001", Name: "Tennis Balls (One Dozen)", Category: "Sports", Quantity: 2, SaleAmount: 2.72, Payout: 0.11},
	}
}
