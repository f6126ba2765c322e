package request

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/affdesk/affdesk/backend/core"
)

// runPages sends the first request of a window and, for a paginated
// template, every next page until a stop condition, adding each page to m.
func (c *Client) runPages(ctx context.Context, call Call, b *Built, values map[string]string, window int, res *Result, m *merger) error {
	pg := call.Template.Pagination
	if first := firstPageQuery(pg, values); len(first) > 0 {
		b = b.withQuery(first)
	}
	var prev [32]byte
	masker := call.masker()
	if call.Pages != nil {
		// Each page is fed to Pages and dropped before the next is read,
		// so one buffer serves them all.
		call.buf = new([]byte)
	}
	for page := 1; ; page++ {
		resp, err := c.send(ctx, call, b, page, window, res)
		if err != nil {
			return err
		}
		body := masker.Bytes(resp.Body)
		if msg := ReadError(call.Target.Platform, resp.Status, body); msg != "" {
			res.TrackerError, res.Body = masker.String(msg), body
			return nil
		}
		if !pg.Enabled() {
			return m.add(body)
		}
		sum := sha256.Sum256(body)
		if page > 1 && sum == prev {
			res.warn("Page %d repeated page %d: stopped.", page, page-1)
			return nil
		}
		prev = sum
		doc, items, err := readPage(call, body, page, m)
		if err != nil {
			return err
		}
		next := nextPage(pg, b, doc, items, call.Target)
		if items == 0 && page > 1 {
			return nil // the list's end: an empty page past the last
		}
		res.Pages++
		if call.Pages != nil {
			m.addEnvelope(doc, items)
		} else if err := m.addPage(body, doc, page, next != nil); err != nil {
			return err
		}
		if next == nil {
			return nil
		}
		if page >= pg.Cap() {
			res.warn("Stopped at the page cap (%d pages); more pages were available.", pg.Cap())
			return nil
		}
		b = next
	}
}

// send makes one exchange of a call, after checking that its URL stays on
// the connection's host, and records it in res. A write whose outcome is
// unknown ends the call with an EUNKNOWN error; a failed exchange with an
// EUNAVAILABLE one.
func (c *Client) send(ctx context.Context, call Call, b *Built, page, window int, res *Result) (*Response, error) {
	write := call.Template.IsWrite()
	if err := CheckOrigin(call.Target, b.Req.URL); err != nil {
		x := c.record(call, b, nil, nil, err)
		x.Page, x.Window = page, window
		if write {
			x.Outcome = core.OutcomeNotSent
		}
		res.Exchanges = append(res.Exchanges, x)
		return nil, err
	}
	resp, attempts, outcome, err := c.exchange(ctx, call, b)
	x := c.record(call, b, resp, attempts, err)
	x.Page, x.Window = page, window
	if write {
		x.Outcome = outcome
	}
	res.Exchanges = append(res.Exchanges, x)
	m := call.masker()
	if resp != nil {
		res.Status, res.StatusText, res.Header = resp.Status, resp.StatusText, m.Header(resp.Header)
	}
	if write && outcome == core.OutcomeUnknown {
		if resp != nil {
			res.Body = m.Bytes(resp.Body)
			res.TrackerError = m.String(ReadError(call.Target.Platform, resp.Status, res.Body))
		}
		return nil, UnknownWrite(call, b, resp, err)
	}
	if err != nil {
		return nil, core.Errorf(core.EUNAVAILABLE, "%s", x.Error)
	}
	return resp, nil
}

func (r *Result) warn(format string, args ...any) {
	r.Warnings = append(r.Warnings, fmt.Sprintf(format, args...))
}

// firstPageQuery sets the page size, and the first page or offset unless
// the user gave one.
func firstPageQuery(pg core.Pagination, values map[string]string) map[string]string {
	set := map[string]string{}
	if pg.SizeParam != "" && pg.Size > 0 && values[pg.SizeParam] == "" {
		set[pg.SizeParam] = strconv.Itoa(pg.Size)
	}
	if (pg.Kind == core.PageNumber || pg.Kind == core.PageOffset) && values[pg.PageParam] == "" {
		set[pg.PageParam] = strconv.Itoa(startOf(pg))
	}
	return set
}

func startOf(pg core.Pagination) int {
	if pg.Start != 0 || pg.Kind == core.PageOffset {
		return pg.Start
	}
	return 1
}

// nextPage returns the request for the page after a decoded page of
// items records, or nil when there is none.
func nextPage(pg core.Pagination, b *Built, doc any, items int, target core.Target) *Built {
	if items == 0 {
		return nil
	}
	switch pg.Kind {
	case core.PageImpact:
		return impactNext(b, doc, target)
	case core.PageAffise:
		return affiseNext(pg, b, doc)
	case core.PageNumber:
		cur, _ := strconv.Atoi(b.Req.URL.Query().Get(pg.PageParam))
		return b.withQuery(map[string]string{pg.PageParam: strconv.Itoa(cur + 1)})
	case core.PageOffset:
		cur, _ := strconv.Atoi(b.Req.URL.Query().Get(pg.PageParam))
		return b.withQuery(map[string]string{pg.PageParam: strconv.Itoa(cur + items)})
	case core.PageNextLink:
		link, _ := core.Dig(doc, pg.NextKey).(string)
		return sameHostLink(b, link, target)
	}
	return nil
}

// impactNext follows @nextpageuri, stopping at @numpages or an empty link.
func impactNext(b *Built, doc any, target core.Target) *Built {
	next, _ := core.Dig(doc, "@nextpageuri").(string)
	page, _ := strconv.Atoi(fmt.Sprint(core.Dig(doc, "@page")))
	pages, _ := strconv.Atoi(fmt.Sprint(core.Dig(doc, "@numpages")))
	if next == "" || (pages > 0 && page >= pages) {
		return nil
	}
	return sameHostLink(b, next, target)
}

// affiseNext follows pagination.next_page (a number, or false at the end).
func affiseNext(pg core.Pagination, b *Built, doc any) *Built {
	var n string
	switch v := core.Dig(doc, "pagination.next_page").(type) {
	case json.Number:
		n = v.String()
	case int64:
		n = strconv.FormatInt(v, 10)
	default:
		return nil
	}
	param := pg.PageParam
	if param == "" {
		param = "page"
	}
	return b.withQuery(map[string]string{param: n})
}

// sameHostLink resolves a next link against the current URL. A link to
// another host is not followed, so credentials never leave for it.
func sameHostLink(b *Built, link string, target core.Target) *Built {
	if strings.TrimSpace(link) == "" {
		return nil
	}
	ref, err := url.Parse(link)
	if err != nil {
		return nil
	}
	u := b.Req.URL.ResolveReference(ref)
	if u.Host != b.Req.URL.Host || u.Scheme != b.Req.URL.Scheme {
		return nil
	}
	if a := target.Auth; a.Kind == core.AuthQuery || a.Kind == core.AuthParam && b.Body == nil {
		q := u.Query()
		q.Set(a.Name, a.Value)
		u.RawQuery = q.Encode()
	}
	return b.withURL(u)
}

// decode parses JSON keeping numbers exact.
func decode(body []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	return v, nil
}
