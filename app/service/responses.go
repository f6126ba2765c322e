package service

import (
	"bytes"
	"encoding/json"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/pick"
)

// RawBody is a tested response as text, for the raw view and for copying.
type RawBody struct {
	Text      string `json:"text"`
	Size      int64  `json:"size"`      // bytes of the whole text, of which Text may be the start
	Truncated bool   `json:"truncated"` // Text is only the start: ask again without a limit for all
	Pretty    bool   `json:"pretty"`    // JSON, re-indented; otherwise the body as received
}

// keptDocument returns the parsed JSON of a tested response. ENOTFOUND
// when the response is no longer kept or was not JSON.
func (s *Services) keptDocument(responseID string) (*pick.Document, error) {
	doc, _, ok := s.cache.get(responseID)
	if !ok || doc == nil {
		return nil, core.Errorf(core.ENOTFOUND, "That response is no longer kept: run the test again.")
	}
	return doc, nil
}

// SearchResponse finds the keys and values of a tested JSON response that
// contain query, ignoring case, in tree order: up to max matches (at most
// pick.MaxSearchMatches), and how many there are in all. ENOTFOUND when
// the response is no longer kept.
func (s *Services) SearchResponse(responseID, query string, max int) (pick.Matches, error) {
	doc, err := s.keptDocument(responseID)
	if err != nil {
		return pick.Matches{}, err
	}
	return doc.Search(query, max), nil
}

// ResponseRaw returns a tested response's body as text: JSON indented by
// two spaces (every number and string kept as received), anything else as
// received. A positive limit returns at most that many bytes, cut on a
// character boundary, with Truncated set; limit 0 returns all of it.
// Secrets of the connection were masked when the body was kept.
// ENOTFOUND when the response is no longer kept.
func (s *Services) ResponseRaw(responseID string, limit int) (RawBody, error) {
	doc, body, ok := s.cache.get(responseID)
	if !ok {
		return RawBody{}, core.Errorf(core.ENOTFOUND, "That response is no longer kept: run the test again.")
	}
	out := RawBody{}
	text := body
	if doc != nil {
		var buf bytes.Buffer
		if json.Indent(&buf, body, "", "  ") == nil {
			text, out.Pretty = buf.Bytes(), true
		}
	}
	out.Size = int64(len(text))
	if limit > 0 {
		text, out.Truncated = core.CutUTF8(text, limit)
	}
	out.Text = string(text)
	return out, nil
}
