package curl

import (
	"net/url"
	"strings"
)

// header reads one -H value: "Name: value", "Name;" (an empty value) or
// "Name:" (which only removes a header curl adds itself).
func (s *state) header(val string) {
	if strings.HasPrefix(val, "@") {
		s.warn("Option -H %s reads headers from a file: they were not taken.", val)
		return
	}
	name, value, ok := strings.Cut(val, ":")
	switch {
	case ok && strings.TrimSpace(value) == "":
		s.warn("Header %q only stops curl sending its own %s header: nothing to import.", val, strings.TrimSpace(name))
	case ok:
		s.addHeader(strings.TrimSpace(name), strings.TrimSpace(value))
	case strings.HasSuffix(strings.TrimSpace(val), ";"):
		s.addHeader(strings.TrimSuffix(strings.TrimSpace(val), ";"), "")
	default:
		s.warn("Header %q has no ':': it was not taken.", val)
	}
}

// dataPart adds one piece of body data as curl would form it.
func (s *state) dataPart(flag string, act action, val string) {
	switch act {
	case actJSON:
		s.jsonBody = true
		s.appendJSON(s.fileData(flag, val, false))
		return
	case actDataURL:
		val = s.urlEncoded(flag, val)
	case actData:
		val = s.fileData(flag, val, true)
	case actDataBin:
		val = s.fileData(flag, val, false)
	}
	s.data = append(s.data, val)
}

// appendJSON concatenates --json pieces as curl does, with no separator.
func (s *state) appendJSON(val string) {
	if n := len(s.data); n > 0 {
		s.data[n-1] += val
		return
	}
	s.data = append(s.data, val)
}

// fileData returns the data an @name value stands for: a here-document or
// here-string fed to the command for @-, else "@name" as written with a
// warning (the file is not read). stripLines drops CR and LF as -d does.
func (s *state) fileData(flag, val string, stripLines bool) string {
	if !strings.HasPrefix(val, "@") {
		return val
	}
	name := val[1:]
	if name == "-" && s.cmd.hasStdin && s.cmd.stdinFile == "" && s.cmd.stdin != "" && !s.cmd.stdinExpanded {
		in := s.cmd.stdin
		if stripLines {
			in = strings.NewReplacer("\r", "", "\n", "").Replace(in)
		}
		return in
	}
	if name == "-" && s.cmd.stdinFile != "" {
		name = s.cmd.stdinFile
	}
	s.p.BodyFromFile = true
	s.warn("Option %s %s reads the body from %q, which cannot be imported: enter the body's fields by hand.", flag, val, name)
	return "@" + name
}

// urlEncoded forms one --data-urlencode piece: "content", "=content",
// "name=content" encode the content; "@file" and "name@file" read a file.
func (s *state) urlEncoded(flag, val string) string {
	eq := strings.IndexByte(val, '=')
	at := strings.IndexByte(val, '@')
	if at >= 0 && (eq < 0 || at < eq) {
		s.p.BodyFromFile = true
		s.warn("Option %s %s reads from the file %q, which cannot be imported: enter the value by hand.", flag, val, val[at+1:])
		return val
	}
	if eq < 0 {
		return escape(val)
	}
	if eq == 0 {
		return escape(val[1:])
	}
	return val[:eq] + "=" + escape(val[eq+1:])
}

// escape URL-encodes as curl does: spaces as %20.
func escape(s string) string { return strings.ReplaceAll(url.QueryEscape(s), "+", "%20") }

// urlQuery adds one --url-query piece to the URL's query.
func (s *state) urlQuery(flag, val string) {
	if strings.HasPrefix(val, "+") {
		s.query = append(s.query, val[1:])
		return
	}
	s.query = append(s.query, s.urlEncoded(flag, val))
}

// formPart reads one -F field: name=value text is kept; name=@file and
// name=<file read files and are only named in a warning.
func (s *state) formPart(flag string, act action, val string) {
	s.forms++
	name, value, ok := strings.Cut(val, "=")
	if !ok {
		s.warn("Form field %s %q has no '=': it was not taken.", flag, val)
		return
	}
	if act == actForm && (strings.HasPrefix(value, "@") || strings.HasPrefix(value, "<")) {
		s.warn("Form field %q uploads the file %q: a template cannot send a file, so it was not taken.", name, value[1:])
		return
	}
	if act == actForm {
		if v, _, typed := strings.Cut(value, ";type="); typed {
			value = v
		}
	}
	s.p.Form = append(s.p.Form, [2]string{name, value})
}

// user reads -u "user:password".
func (s *state) user(val string) {
	user, pass, ok := strings.Cut(val, ":")
	s.p.User, s.p.Password, s.p.HasUser = user, pass, true
	if !ok {
		s.warn("Option -u gives the user %q without a password (curl would ask for it): enter the password in the connection.", user)
	}
}

// cookie reads -b: literal "name=value; …" cookies become a Cookie
// header; anything else is a file curl would read.
func (s *state) cookie(flag, val string) {
	if !strings.Contains(val, "=") {
		s.warn("Option %s %s reads cookies from a file: they were not taken.", flag, val)
		return
	}
	s.cookies = append(s.cookies, strings.TrimSpace(val))
}
