package curl

// action says what an option does to the parsed request.
type action int

// The option actions. The silent ones do not change the request AffDesk
// would send (output, progress, retries, redirects, timeouts, TLS and
// HTTP version details); the warned ones change it in a way a template
// cannot hold, so Parse names them.
const (
	actSilent action = iota
	actWarn
	actRequest
	actHeader
	actData     // -d, --data, --data-ascii: @file reads a file, newlines dropped
	actDataRaw  // --data-raw: no @file
	actDataBin  // --data-binary: @file read as is
	actDataURL  // --data-urlencode
	actJSON     // --json
	actForm     // -F, --form
	actFormText // --form-string
	actGet
	actHead
	actUser
	actAgent
	actReferer
	actCookie
	actCookieJar
	actURL
	actURLQuery
	actUpload
	actNext
	actRange
	actBearer
	actAuthScheme // --digest, --ntlm, --negotiate: not Basic
)

// option is one known curl option: its action and whether it takes a
// value.
type option struct {
	act   action
	value bool
}

// longOptions are the long options Parse knows, without their "--".
var longOptions = map[string]option{
	"request": {actRequest, true}, "header": {actHeader, true}, "data": {actData, true},
	"data-ascii": {actData, true}, "data-raw": {actDataRaw, true}, "data-binary": {actDataBin, true},
	"data-urlencode": {actDataURL, true}, "json": {actJSON, true}, "form": {actForm, true},
	"form-string": {actFormText, true}, "get": {actGet, false}, "head": {actHead, false},
	"user": {actUser, true}, "user-agent": {actAgent, true}, "referer": {actReferer, true},
	"cookie": {actCookie, true}, "cookie-jar": {actCookieJar, true}, "url": {actURL, true},
	"url-query": {actURLQuery, true}, "upload-file": {actUpload, true}, "next": {actNext, false},
	"range": {actRange, true}, "oauth2-bearer": {actBearer, true},
	"digest": {actAuthScheme, false}, "ntlm": {actAuthScheme, false}, "ntlm-wb": {actAuthScheme, false},
	"negotiate": {actAuthScheme, false},

	"compressed": {actSilent, false}, "silent": {actSilent, false}, "show-error": {actSilent, false},
	"insecure": {actSilent, false}, "location": {actSilent, false}, "location-trusted": {actSilent, false},
	"verbose": {actSilent, false}, "include": {actSilent, false}, "fail": {actSilent, false},
	"fail-with-body": {actSilent, false}, "globoff": {actSilent, false}, "http1.0": {actSilent, false},
	"http1.1": {actSilent, false}, "http2": {actSilent, false}, "http2-prior-knowledge": {actSilent, false},
	"http3": {actSilent, false}, "no-keepalive": {actSilent, false}, "progress-bar": {actSilent, false},
	"no-progress-meter": {actSilent, false}, "raw": {actSilent, false}, "no-buffer": {actSilent, false},
	"tcp-nodelay": {actSilent, false}, "remote-name": {actSilent, false}, "remote-name-all": {actSilent, false},
	"remote-header-name": {actSilent, false}, "ipv4": {actSilent, false}, "ipv6": {actSilent, false},
	"path-as-is": {actSilent, false}, "styled-output": {actSilent, false}, "disable": {actSilent, false},
	"create-dirs": {actSilent, false}, "junk-session-cookies": {actSilent, false}, "basic": {actSilent, false},
	"anyauth": {actSilent, false}, "ssl": {actSilent, false}, "ssl-reqd": {actSilent, false},
	"tlsv1": {actSilent, false}, "tlsv1.0": {actSilent, false}, "tlsv1.1": {actSilent, false},
	"tlsv1.2": {actSilent, false}, "tlsv1.3": {actSilent, false}, "no-sessionid": {actSilent, false},
	"tr-encoding": {actSilent, false}, "no-alpn": {actSilent, false}, "no-npn": {actSilent, false},
	"max-time": {actSilent, true}, "connect-timeout": {actSilent, true}, "retry": {actSilent, true},
	"retry-delay": {actSilent, true}, "retry-max-time": {actSilent, true}, "retry-connrefused": {actSilent, false},
	"retry-all-errors": {actSilent, false}, "max-redirs": {actSilent, true}, "output": {actSilent, true},
	"write-out": {actSilent, true}, "dump-header": {actSilent, true}, "trace": {actSilent, true},
	"trace-ascii": {actSilent, true}, "trace-time": {actSilent, false}, "stderr": {actSilent, true},
	"limit-rate": {actSilent, true}, "keepalive-time": {actSilent, true}, "expect100-timeout": {actSilent, true},
	"output-dir": {actSilent, true}, "speed-limit": {actSilent, true}, "speed-time": {actSilent, true},

	"proxy": {actWarn, true}, "proxy-user": {actWarn, true}, "preproxy": {actWarn, true},
	"proxy-header": {actWarn, true}, "socks4": {actWarn, true}, "socks4a": {actWarn, true},
	"socks5": {actWarn, true}, "socks5-hostname": {actWarn, true}, "cert": {actWarn, true},
	"key": {actWarn, true}, "cacert": {actWarn, true}, "capath": {actWarn, true}, "cert-type": {actWarn, true},
	"key-type": {actWarn, true}, "pass": {actWarn, true}, "resolve": {actWarn, true},
	"connect-to": {actWarn, true}, "unix-socket": {actWarn, true}, "abstract-unix-socket": {actWarn, true},
	"config": {actWarn, true}, "interface": {actWarn, true}, "dns-servers": {actWarn, true},
	"time-cond": {actWarn, true}, "continue-at": {actWarn, true}, "request-target": {actWarn, true},
	"aws-sigv4": {actWarn, true}, "netrc": {actWarn, false}, "netrc-optional": {actWarn, false},
	"netrc-file": {actWarn, true}, "delegation": {actWarn, true}, "crlf": {actWarn, false},
	"proxy-insecure": {actWarn, false}, "proxytunnel": {actWarn, false}, "local-port": {actWarn, true},
	"variable": {actWarn, true}, "expand-url": {actWarn, true}, "ignore-content-length": {actWarn, false},
	"post301": {actWarn, false}, "post302": {actWarn, false}, "post303": {actWarn, false},
}

// shortOptions maps each one-letter option to its long name.
var shortOptions = map[byte]string{
	'X': "request", 'H': "header", 'd': "data", 'F': "form", 'G': "get", 'I': "head", 'u': "user",
	'A': "user-agent", 'e': "referer", 'b': "cookie", 'c': "cookie-jar", 'T': "upload-file",
	'r': "range", 's': "silent", 'S': "show-error", 'k': "insecure", 'L': "location", 'v': "verbose",
	'i': "include", 'f': "fail", 'g': "globoff", 'N': "no-buffer", 'O': "remote-name", 'J': "remote-header-name",
	'j': "junk-session-cookies", '4': "ipv4", '6': "ipv6", '#': "progress-bar", '0': "http1.0", 'q': "disable",
	'm': "max-time", 'o': "output", 'w': "write-out", 'D': "dump-header", 'x': "proxy", 'U': "proxy-user",
	'E': "cert", 'K': "config", 'z': "time-cond", 'C': "continue-at", 'Y': "speed-limit", 'y': "speed-time",
	'Z': "parallel", 'n': "netrc", 'l': "list-only", 'a': "append", 'B': "use-ascii", 'M': "manual",
	'p': "proxytunnel", 'R': "remote-time", 'V': "version", 'h': "help", 'Q': "quote", 'P': "ftp-port",
	't': "telnet-option", '2': "sslv2", '3': "sslv3", '1': "tlsv1",
}

// shortWithValue lists the one-letter options curl reads a value for.
const shortWithValue = "XHdFuAebcTrmowDxUEKzCYyQPt"

// lookupShort returns the option for one letter; ok is false for a letter
// curl has no option for.
func lookupShort(c byte) (string, option, bool) {
	name, ok := shortOptions[c]
	if !ok {
		return "", option{}, false
	}
	opt, known := longOptions[name]
	if !known {
		opt = option{act: actWarn}
	}
	for i := 0; i < len(shortWithValue); i++ {
		if shortWithValue[i] == c {
			opt.value = true
		}
	}
	return name, opt, true
}
