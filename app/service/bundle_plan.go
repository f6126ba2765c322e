package service

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/affdesk/affdesk/backend/core"
	"github.com/affdesk/affdesk/backend/notify"
)

// BundlePlan is a stateless run worked out before anything is written:
// the bundle, which of its automations runs, and the secrets (by the
// file's connection ID and field) and email account from the environment.
type BundlePlan struct {
	raw        []byte
	file       bundle
	automation int // index in file.Automations
	secrets    map[uint64]map[string]string
	smtp       *SMTPSettings
}

// PlanBundle reads the bundle at path, finds the automation ref names (a
// file ID or a name, as affdesk run finds one) and reads from lookup the
// secrets of the connections it uses. Errors are EINVALID or ENOTFOUND
// (usage errors) naming what is missing, or ECONFLICT for a shared name.
func PlanBundle(path, ref string, lookup func(string) (string, bool)) (BundlePlan, error) {
	f, err := os.Open(path)
	if err != nil {
		return BundlePlan{}, core.Errorf(core.EINVALID, "The bundle %s cannot be read: %v.", path, err)
	}
	defer f.Close()
	raw, err := io.ReadAll(io.LimitReader(f, maxBundleBytes+1))
	if err != nil {
		return BundlePlan{}, core.Errorf(core.EINVALID, "The bundle %s cannot be read: %v.", path, err)
	}
	p := BundlePlan{raw: raw, secrets: map[uint64]map[string]string{}}
	if p.file, err = readBundle(bytes.NewReader(raw)); err != nil {
		return p, err
	}
	if p.automation, err = findInBundle(p.file.Automations, ref); err != nil {
		return p, err
	}
	if err := p.readSecrets(lookup); err != nil {
		return p, err
	}
	p.smtp, err = smtpFromEnv(lookup)
	return p, err
}

// readSecrets takes each connection's secrets from the environment; those
// the automation uses must have every required one.
func (p *BundlePlan) readSecrets(lookup func(string) (string, bool)) error {
	names, err := readSecretEnv(p.raw)
	if err != nil {
		return err
	}
	used := usedConnections(p.file, p.file.Automations[p.automation])
	for _, c := range p.file.Connections {
		sec, err := bundleSecrets(c, names[c.ID], used[c.ID], lookup)
		if err != nil {
			return err
		}
		p.secrets[c.ID] = sec
	}
	return nil
}

// findInBundle returns the index of the automation with the file ID ref,
// else of the one named ref (any case).
func findInBundle(autos []core.Automation, ref string) (int, error) {
	var named []int
	for i, a := range autos {
		if strconv.FormatUint(a.ID, 10) == ref {
			return i, nil
		}
		if strings.EqualFold(a.Name, strings.TrimSpace(ref)) {
			named = append(named, i)
		}
	}
	switch len(named) {
	case 0:
		return 0, core.Errorf(core.ENOTFOUND, "The bundle has no automation named %q or with that ID.", ref)
	case 1:
		return named[0], nil
	}
	ids := make([]uint64, len(named))
	for i, n := range named {
		ids[i] = autos[n].ID
	}
	return 0, core.Errorf(core.ECONFLICT, "%d automations of the bundle are named %q (IDs %s): run one by its ID.", len(named), ref, joinIDs(ids))
}

// usedConnections lists the file IDs of the connections an automation's
// steps reach, through their templates or Pull Stats.
func usedConnections(b bundle, a core.Automation) map[uint64]bool {
	tplConn := map[uint64]uint64{}
	for _, t := range b.Templates {
		tplConn[t.ID] = t.ConnectionID
	}
	used := map[uint64]bool{}
	core.Walk(a.Steps, func(st *core.Step, _ []*core.Step) {
		if st.TemplateID != 0 {
			used[tplConn[st.TemplateID]] = true
		}
		if st.Stats != nil && st.Stats.ConnectionID != 0 {
			used[st.Stats.ConnectionID] = true
		}
	})
	return used
}

// smtpFromEnv reads the email account of a stateless run:
// AFFDESK_SMTP_HOST (none: no account; "demo" keeps messages in the
// throw-away outbox), AFFDESK_SMTP_PORT (587), AFFDESK_SMTP_SECURITY
// (starttls, tls or none), AFFDESK_SMTP_USERNAME, AFFDESK_SMTP_PASSWORD,
// AFFDESK_SMTP_FROM and AFFDESK_SMTP_FROM_NAME.
func smtpFromEnv(lookup func(string) (string, bool)) (*SMTPSettings, error) {
	get := func(k string) string { v, _ := lookup("AFFDESK_SMTP_" + k); return strings.TrimSpace(v) }
	if get("HOST") == "" {
		return nil, nil
	}
	port, sec := 587, get("SECURITY")
	if raw := get("PORT"); raw != "" {
		n, err := strconv.Atoi(raw)
		if err != nil {
			return nil, core.FieldError("env.AFFDESK_SMTP_PORT", "AFFDESK_SMTP_PORT must be a port number, not %q.", short(raw, 20))
		}
		port = n
	}
	if sec == "" {
		sec = "starttls"
	}
	acct := notify.SMTP{Host: get("HOST"), Port: port, Security: sec, Username: get("USERNAME"), From: get("FROM"), FromName: get("FROM_NAME")}
	if err := acct.Validate(); err != nil && acct.Host != DemoMailHost {
		return nil, fmt.Errorf("the email account from AFFDESK_SMTP_*: %w", err)
	}
	pw, _ := lookup("AFFDESK_SMTP_PASSWORD")
	return &SMTPSettings{SMTP: acct, Password: pw}, nil
}
