package curl

import (
	"strings"
)

// readArgs walks the words after "curl" as curl reads its arguments.
func (s *state) readArgs(words []word) {
	for _, w := range words {
		if w.expanded {
			s.warn("%q holds a shell variable or command that was kept as written: replace it with its value.", w.text)
		}
	}
	for i := 0; i < len(words) && !s.stop; i++ {
		w := words[i].text
		switch {
		case strings.HasPrefix(w, "--") && len(w) > 2:
			i = s.long(w[2:], words, i)
		case strings.HasPrefix(w, "-") && len(w) > 1:
			i = s.short(w[1:], words, i)
		default:
			s.urls = append(s.urls, w)
		}
	}
}

// long applies one long option and returns the index of the last word it
// used.
func (s *state) long(name string, words []word, i int) int {
	opt, ok := longOptions[name]
	if !ok && strings.HasPrefix(name, "no-") {
		if o, known := longOptions[strings.TrimPrefix(name, "no-")]; known && !o.value && o.act == actSilent {
			return i
		}
	}
	if !ok {
		s.warn("Option --%s is not one AffDesk reads: it was not taken.", name)
		return i
	}
	val := ""
	if opt.value {
		if i+1 >= len(words) {
			s.warn("Option --%s has no value: it was not taken.", name)
			return i
		}
		i++
		val = words[i].text
	}
	s.apply("--"+name, opt.act, val)
	return i
}

// short applies a cluster of one-letter options such as -sSL or -XPOST
// and returns the index of the last word it used.
func (s *state) short(cluster string, words []word, i int) int {
	for k := 0; k < len(cluster); k++ {
		name, opt, ok := lookupShort(cluster[k])
		if !ok {
			s.warn("Option -%c is not one AffDesk reads: it was not taken.", cluster[k])
			continue
		}
		if !opt.value {
			s.applyNamed(cluster[k], name, opt.act, "")
			continue
		}
		val := cluster[k+1:]
		if val == "" {
			if i+1 >= len(words) {
				s.warn("Option -%c has no value: it was not taken.", cluster[k])
				return i
			}
			i++
			val = words[i].text
		}
		s.applyNamed(cluster[k], name, opt.act, val)
		return i
	}
	return i
}

func (s *state) applyNamed(letter byte, name string, act action, val string) {
	flag := "-" + string(letter)
	if act == actWarn {
		flag += " (--" + name + ")"
	}
	s.apply(flag, act, val)
}

// apply does what one option says to the request.
func (s *state) apply(flag string, act action, val string) {
	switch act {
	case actSilent:
	case actWarn:
		s.warn("Option %s changes how curl sends the request in a way a template cannot hold: it was not taken.", flag)
	case actRequest:
		s.method = val
	case actHeader:
		s.header(val)
	case actData, actDataRaw, actDataBin, actDataURL, actJSON:
		s.dataPart(flag, act, val)
	case actForm, actFormText:
		s.formPart(flag, act, val)
	case actGet:
		s.get = true
	case actHead:
		s.head = true
	default:
		s.applyMore(flag, act, val)
	}
}

// applyMore handles the options apply leaves.
func (s *state) applyMore(flag string, act action, val string) {
	switch act {
	case actUser:
		s.user(val)
	case actAgent:
		s.addHeader("User-Agent", val)
	case actReferer:
		s.addHeader("Referer", strings.TrimSuffix(val, ";auto"))
	case actCookie:
		s.cookie(flag, val)
	case actCookieJar:
		s.warn("Option %s writes cookies to the file %q: AffDesk keeps no cookie jar, so it was not taken.", flag, val)
	case actURL:
		s.urls = append(s.urls, val)
	case actURLQuery:
		s.urlQuery(flag, val)
	case actUpload:
		s.upload = val
		s.warn("Option %s uploads the file %q: a template cannot send a file, so the body was not taken.", flag, val)
		s.p.BodyFromFile = true
	case actNext:
		s.stop = true
		s.warn("The command holds more requests after --next: only the first was imported.")
	case actRange:
		if !strings.Contains(val, "-") {
			val += "-" // a lone number means "from there on"
		}
		s.addHeader("Range", "bytes="+val)
	case actBearer:
		s.addHeader("Authorization", "Bearer "+val)
	case actAuthScheme:
		s.warn("Option %s asks for an authentication AffDesk does not speak: the credentials are used as Basic.", flag)
	}
}
