package engine_test

import (
	"encoding/base64"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/engine"
)

// bigLoop is a Get of offers and a PUT of each one's payout.
func bigLoop() core.Automation {
	return core.Automation{ID: 9, Name: "Lower payouts", Steps: []core.Step{
		{ID: "s1", Kind: core.StepActionGet, TemplateID: 1, Selections: []core.Selection{{Path: "$.Actions[*]", Variable: "offers"}}},
		{ID: "s2", Kind: core.StepForEach, Over: "offers", ContinueOnError: true, Steps: []core.Step{
			{ID: "s3", Kind: core.StepActionEdit, TemplateID: 3, Values: map[string]string{"ActionId": "{item.Id}", "Payout": "{item.Payout}"}},
		}},
	}}
}

// answer is a ~1 KiB JSON answer to a PUT, different for every offer
// and hardly compressible, as real answers with IDs and hashes are.
func answer(values map[string]string) string {
	h := fnv.New64a()
	h.Write([]byte(values["ActionId"]))
	rng := rand.New(rand.NewPCG(h.Sum64(), 1))
	noise := make([]byte, 700)
	for i := range noise {
		noise[i] = byte(rng.Uint32())
	}
	return fmt.Sprintf(`{"network_offer_id":"%s","payout":%q,"audit":%q}`, values["ActionId"], values["Payout"], base64.StdEncoding.EncodeToString(noise))
}

// TestARunOfAThousandWritesStaysSmall proves a run of one Get and 1,000
// PUTs answered with about 1 KiB each, one in ten failing, stores at most
// 100 KB in all (document, summary, items and journal), and keeps no
// more response bytes in its items than its body budget allows.
func TestARunOfAThousandWritesStaysSmall(t *testing.T) {
	for _, budget := range []int{0, 8 << 10} {
		t.Run(fmt.Sprint("budget ", budget), func(t *testing.T) {
			r := newRig(t)
			r.e.BodyBudget = func() int { return budget }
			offers := make([]string, 1000)
			for i := range offers {
				offers[i] = fmt.Sprintf(`{"Id":"O%d","Payout":"%d.50","Name":"Offer %d"}`, i+1, i%40, i+1)
			}
			r.caller.bodies[1] = `{"Actions":[` + strings.Join(offers, ",") + `]}`
			r.caller.respond = answer
			r.caller.failIf = func(v map[string]string) error {
				if strings.HasSuffix(v["ActionId"], "7") {
					return core.Errorf(core.EINVALID, "The tracker refused %s: payout below the network floor.", v["ActionId"])
				}
				return nil
			}
			r.e.Templates.(templates)[3] = core.ActionTemplate{ID: 3, Name: "Set payout", Method: "PUT", Path: "/offers/{ActionId}"}
			run := r.run(t, bigLoop(), false)
			if c := run.Steps[1].Items; c == nil || c.Total != 1000 || c.Failed != 100 {
				t.Fatalf("items %+v, %s %s", c, run.Status, run.Error)
			}
			kept, cut := keptBodies(t, r, run.ID)
			limit := budget
			if limit == 0 {
				limit = engine.DefaultBodyBudget
			}
			if kept == 0 || cut == 0 || kept > limit {
				t.Errorf("kept %d bytes of bodies (%d left out) with budget %d", kept, cut, budget)
			}
			n, err := r.db.RunBytes(run.ID)
			if err != nil {
				t.Fatal(err)
			}
			fi, _ := os.Stat(r.db.Path)
			t.Logf("run of 1 GET + 1,000 PUTs stores %d bytes (file %d bytes); items keep %d bytes of bodies", n, fi.Size(), kept)
			if n > 100_000 {
				t.Errorf("the run stores %d bytes, over 100,000", n)
			}
		})
	}
}

// keptBodies sums the response bodies a run's loop items keep and counts
// those left out for want of budget.
func keptBodies(t *testing.T, r *rig, runID uint64) (kept, cut int) {
	t.Helper()
	page, err := r.db.ListItems(core.ItemFilter{RunID: runID, Step: "2", Limit: 2000})
	if err != nil || len(page.Items) != 1000 {
		t.Fatalf("%d items, %v", len(page.Items), err)
	}
	for _, it := range page.Items {
		for _, rec := range it.Steps[0].Requests {
			kept += len(rec.Response)
			if rec.Truncated && rec.Response == "" {
				cut++
			}
		}
	}
	return kept, cut
}
