package curl

import (
	"reflect"
	"strings"
	"testing"
)

// TestParseCommandOptions runs every option Parse reads and checks the
// request curl would send.
func TestParseCommandOptions(t *testing.T) {
	tests := map[string]struct {
		src     string
		method  string
		url     string
		headers [][2]string
		body    string
		form    [][2]string
		warn    string // a fragment one warning must hold; "" means none
	}{
		"get":             {src: `curl https://h/x?a=1`, method: "GET", url: "https://h/x?a=1"},
		"no scheme":       {src: `curl h:8080/x`, method: "GET", url: "http://h:8080/x"},
		"--url":           {src: `curl --url https://h/x`, method: "GET", url: "https://h/x"},
		"-X":              {src: `curl -X PATCH https://h/x`, method: "PATCH", url: "https://h/x"},
		"-XPOST cluster":  {src: `curl -sSLXPOST https://h/x`, method: "POST", url: "https://h/x"},
		"--request":       {src: `curl --request DELETE https://h/x`, method: "DELETE", url: "https://h/x"},
		"-H":              {src: `curl -H 'A: 1' --header 'B:2' https://h`, method: "GET", url: "https://h", headers: [][2]string{{"A", "1"}, {"B", "2"}}},
		"-H empty value":  {src: `curl -H 'X-Empty;' https://h`, method: "GET", url: "https://h", headers: [][2]string{{"X-Empty", ""}}},
		"-H removal":      {src: `curl -H 'Accept:' https://h`, method: "GET", url: "https://h", warn: "only stops curl"},
		"-H file":         {src: `curl -H @headers.txt https://h`, method: "GET", url: "https://h", warn: "reads headers from a file"},
		"-d joins":        {src: `curl -d a=1 --data b=2 https://h`, method: "POST", url: "https://h", headers: form(), body: "a=1&b=2"},
		"--data-raw @":    {src: `curl --data-raw @x https://h`, method: "POST", url: "https://h", headers: form(), body: "@x"},
		"--data-ascii":    {src: `curl --data-ascii a=1 https://h`, method: "POST", url: "https://h", headers: form(), body: "a=1"},
		"--data-binary":   {src: `curl --data-binary 'a=1' https://h`, method: "POST", url: "https://h", headers: form(), body: "a=1"},
		"-d @file warns":  {src: `curl -d @body.txt https://h`, method: "POST", url: "https://h", headers: form(), body: "@body.txt", warn: `reads the body from "body.txt"`},
		"-d @- heredoc":   {src: "curl -d @- https://h <<X\na=1\nb\nX\n", method: "POST", url: "https://h", headers: form(), body: "a=1b"},
		"binary heredoc":  {src: "curl --data-binary @- https://h <<X\n{\"a\":1}\nX\n", method: "POST", url: "https://h", headers: form(), body: "{\"a\":1}\n"},
		"urlencode forms": {src: `curl --data-urlencode 'a=x y&z' --data-urlencode '=b c' --data-urlencode 'c d' https://h`, method: "POST", url: "https://h", headers: form(), body: "a=x%20y%26z&b%20c&c%20d"},
		"urlencode @file": {src: `curl --data-urlencode name@f.txt https://h`, method: "POST", url: "https://h", headers: form(), body: "name@f.txt", warn: `file "f.txt"`},
		"--json":          {src: `curl --json '{"a":' --json '1}' https://h`, method: "POST", url: "https://h", headers: [][2]string{{"Content-Type", "application/json"}, {"Accept", "application/json"}}, body: `{"a":1}`},
		"-F text":         {src: `curl -F a=1 --form 'b=2;type=text/plain' --form-string 'c=@x' https://h`, method: "POST", url: "https://h", form: [][2]string{{"a", "1"}, {"b", "2"}, {"c", "@x"}}},
		"-F file":         {src: `curl -F f=@a.png https://h`, method: "POST", url: "https://h", warn: `uploads the file "a.png"`},
		"-G":              {src: `curl -G -d a=1 --data-urlencode 'b=x y' https://h/x?z=0`, method: "GET", url: "https://h/x?z=0&a=1&b=x%20y"},
		"-u":              {src: `curl -u 'me:pw' https://h`, method: "GET", url: "https://h"},
		"-A -e":           {src: `curl -A 'Bot/1' -e https://ref https://h`, method: "GET", url: "https://h", headers: [][2]string{{"User-Agent", "Bot/1"}, {"Referer", "https://ref"}}},
		"-b literal":      {src: `curl -b 'a=1; b=2' --cookie c=3 https://h`, method: "GET", url: "https://h", headers: [][2]string{{"Cookie", "a=1; b=2; c=3"}}},
		"-b file":         {src: `curl -b jar.txt https://h`, method: "GET", url: "https://h", warn: "reads cookies from a file"},
		"-c":              {src: `curl -c jar.txt https://h`, method: "GET", url: "https://h", warn: "keeps no cookie jar"},
		"-I":              {src: `curl -I https://h`, method: "HEAD", url: "https://h"},
		"--head":          {src: `curl --head https://h`, method: "HEAD", url: "https://h"},
		"harmless":        {src: `curl --compressed -s -k -L -v -i --max-time 5 -o out --no-progress-meter https://h`, method: "GET", url: "https://h"},
		"--next":          {src: `curl https://h --next https://other`, method: "GET", url: "https://h", warn: "after --next"},
		"unknown flag":    {src: `curl --frobnicate https://h`, method: "GET", url: "https://h", warn: "--frobnicate"},
		"unknown short":   {src: `curl -W https://h`, method: "GET", url: "https://h", warn: "-W"},
		"proxy warned":    {src: `curl -x http://proxy:1 https://h`, method: "GET", url: "https://h", warn: "-x (--proxy)"},
		"extra url":       {src: `curl https://h https://i`, method: "GET", url: "https://h", warn: `also calls "https://i"`},
		"-T":              {src: `curl -T f.bin https://h/up`, method: "PUT", url: "https://h/up", warn: "uploads the file"},
		"-r":              {src: `curl -r 0-99 https://h`, method: "GET", url: "https://h", headers: [][2]string{{"Range", "bytes=0-99"}}},
		"oauth2 bearer":   {src: `curl --oauth2-bearer tok https://h`, method: "GET", url: "https://h", headers: [][2]string{{"Authorization", "Bearer tok"}}},
		"variable warned": {src: `curl -H "Authorization: Bearer $TOKEN" https://h`, method: "GET", url: "https://h", headers: [][2]string{{"Authorization", "Bearer $TOKEN"}}, warn: "shell variable"},
		"prefix words":    {src: `sudo FOO=1 curl https://h`, method: "GET", url: "https://h"},
		"other commands":  {src: "export A=1\ncurl https://h", method: "GET", url: "https://h", warn: "1 more command"},
		"-d with -F":      {src: `curl -d a=1 -F b=2 https://h`, method: "POST", url: "https://h", headers: form(), body: "a=1", warn: "refuses together"},
		"fragment":        {src: `curl 'https://h/x#top'`, method: "GET", url: "https://h/x"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			p, err := ParseCommand(tc.src)
			if err != nil {
				t.Fatal(err)
			}
			if p.Method != tc.method || p.URL != tc.url || p.Body != tc.body {
				t.Errorf("got %s %s body %q, want %s %s body %q", p.Method, p.URL, p.Body, tc.method, tc.url, tc.body)
			}
			if !reflect.DeepEqual(p.Headers, tc.headers) || !reflect.DeepEqual(p.Form, tc.form) {
				t.Errorf("headers %q form %q, want %q %q", p.Headers, p.Form, tc.headers, tc.form)
			}
			checkWarning(t, p.Warnings, tc.warn)
		})
	}
}

func form() [][2]string { return [][2]string{{"Content-Type", "application/x-www-form-urlencoded"}} }

func checkWarning(t *testing.T, warnings any, fragment string) {
	t.Helper()
	text := strings.TrimSpace(strings.ReplaceAll(fmtWarnings(warnings), "\n", " "))
	switch {
	case fragment == "" && text != "":
		t.Errorf("unexpected warnings: %s", text)
	case fragment != "" && !strings.Contains(text, fragment):
		t.Errorf("warnings %q do not mention %q", text, fragment)
	}
}

func TestParseCommandUser(t *testing.T) {
	p, err := ParseCommand(`curl -u 'me:p:w' https://h`)
	if err != nil || !p.HasUser || p.User != "me" || p.Password != "p:w" {
		t.Fatalf("got %+v, %v", p, err)
	}
	p, _ = ParseCommand(`curl -u me https://h`)
	checkWarning(t, p.Warnings, "without a password")
}

func TestParseCommandErrors(t *testing.T) {
	for _, src := range []string{"", "echo hi", "curl -s", "curl 'http://'", strings.Repeat("a", maxInput+1)} {
		if _, err := ParseCommand(src); err == nil {
			t.Errorf("ParseCommand(%.30q) gave no error", src)
		}
	}
}
