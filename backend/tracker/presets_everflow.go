package tracker

import "github.com/affdesk/affdesk/backend/core"

func init() {
	const P = core.PlatformEverflow
	preset("everflow.affiliate.get", P, core.KindGet, "GET", "/v1/networks/affiliates/{affiliate_id}", "Everflow: Get affiliate",
		"Reads one affiliate of the network.", core.BodyJSON,
		withExample(param("affiliate_id", core.InPath, core.TypeInteger, true, "The network affiliate ID."), "7"))
}
