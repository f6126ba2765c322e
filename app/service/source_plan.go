package service

import (
	"sort"
	"strings"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/importer"
	"github.com/affdesk/affdesk/backend/tracker"
)

// SourcePlan is what importing a source (a cURL command, an OpenAPI file,
// a Postman collection) would do, found before anything is written.
type SourcePlan struct {
	Source     string            `json:"source"`
	Candidates []SourceCandidate `json:"candidates"`
	Connection SourceConnection  `json:"connection"`
	Warnings   []string          `json:"warnings"`
	Clashes    []ImportClash     `json:"clashes"`
}

// SourceCandidate is one request of the source, as a pick list shows it.
type SourceCandidate struct {
	Key    string   `json:"key"`
	Name   string   `json:"name"`
	Method string   `json:"method"`
	Path   string   `json:"path"`
	Tags   []string `json:"tags"`
}

// SourceConnection is the connection the templates will use: a stored
// one on the same host (ID set), or the new one the source proposes.
type SourceConnection struct {
	ID       uint64        `json:"id"` // 0 for a new connection
	Name     string        `json:"name"`
	Platform core.Platform `json:"platform"`
	BaseURL  string        `json:"baseUrl"`
	// Secrets names the credentials found in the source, by label; they
	// are stored for a new connection only.
	Secrets []string `json:"secrets"`
}

// sourceJob is a read source with the candidates picked and the
// connection chosen.
type sourceJob struct {
	res      importer.Result
	picked   []importer.Candidate
	stored   *core.Connection // the stored connection the templates use, if any
	warnings []string
}

// readSource parses data as kind and keeps the candidates keys names
// (all when keys is empty). An unknown kind or key is EINVALID.
func (s *Services) readSource(kind string, data []byte, keys []string) (*sourceJob, error) {
	parse, ok := importSources[strings.ToLower(strings.TrimSpace(kind))]
	if !ok {
		return nil, core.FieldError("kind", "AffDesk imports %s, not %q.", strings.Join(ImportSourceKinds(), ", "), kind)
	}
	res, err := parse(data)
	if err != nil {
		return nil, err
	}
	j := &sourceJob{res: res}
	for _, w := range res.Warnings {
		j.warnings = append(j.warnings, w.Item+": "+w.Message)
	}
	if j.picked, err = pickCandidates(res.Candidates, keys); err != nil {
		return nil, err
	}
	return j, s.chooseConnection(j)
}

func pickCandidates(all []importer.Candidate, keys []string) ([]importer.Candidate, error) {
	if len(keys) == 0 {
		if len(all) == 0 {
			return nil, core.FieldError("pick", "The source holds no request to import.")
		}
		return all, nil
	}
	byKey := map[string]importer.Candidate{}
	for _, c := range all {
		byKey[c.Key] = c
	}
	var out []importer.Candidate
	for _, k := range keys {
		c, ok := byKey[k]
		if !ok {
			return nil, core.FieldError("pick", "The source has no request %q.", k)
		}
		out = append(out, c)
	}
	return out, nil
}

// sourceView describes the job for the window.
func (j *sourceJob) plan(clashes []ImportClash) SourcePlan {
	p := SourcePlan{Source: j.res.Source, Warnings: append([]string{}, j.warnings...), Clashes: clashes}
	for _, c := range j.picked {
		tags := c.Template.Tags
		if tags == nil {
			tags = []string{}
		}
		p.Candidates = append(p.Candidates, SourceCandidate{Key: c.Key, Name: c.Template.Name, Method: c.Template.Method, Path: c.Template.Path, Tags: tags})
	}
	conn := j.res.Connection
	if j.stored != nil {
		conn = *j.stored
	}
	p.Connection = SourceConnection{ID: conn.ID, Name: conn.Name, Platform: conn.Platform, BaseURL: baseURLOf(conn, ""), Secrets: []string{}}
	pf, _ := tracker.Lookup(j.res.Connection.Platform)
	for _, f := range pf.Fields {
		if f.Secret() && j.res.Secrets[f.Key] != "" {
			p.Connection.Secrets = append(p.Connection.Secrets, f.Label)
		}
	}
	sort.Strings(p.Connection.Secrets)
	return p
}

// baseURLOf is the URL a connection's requests start with.
func baseURLOf(c core.Connection, demoURL string) string {
	t, err := tracker.Resolve(c, "", map[string]string{}, demoURL)
	if err != nil {
		return ""
	}
	return t.BaseURL
}
