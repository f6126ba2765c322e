package cli_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/affdesk/affdesk/app/cli"
	"github.com/affdesk/affdesk/app/internal/testkit"
	"github.com/affdesk/affdesk/backend/core"
)

// manifest is the part of docs/examples/cronjob.yaml a test reads.
type manifest struct {
	Kind       string            `yaml:"kind"`
	APIVersion string            `yaml:"apiVersion"`
	StringData map[string]string `yaml:"stringData"`
	Data       map[string]string `yaml:"data"`
	Spec       struct {
		Schedule          string `yaml:"schedule"`
		ConcurrencyPolicy string `yaml:"concurrencyPolicy"`
		JobTemplate       struct {
			Spec struct {
				BackoffLimit *int `yaml:"backoffLimit"`
				Template     struct {
					Spec struct {
						RestartPolicy string `yaml:"restartPolicy"`
						Containers    []struct {
							Image        string   `yaml:"image"`
							Command      []string `yaml:"command"`
							Args         []string `yaml:"args"`
							VolumeMounts []struct {
								Name      string `yaml:"name"`
								MountPath string `yaml:"mountPath"`
							} `yaml:"volumeMounts"`
						} `yaml:"containers"`
					} `yaml:"spec"`
				} `yaml:"template"`
			} `yaml:"spec"`
		} `yaml:"jobTemplate"`
	} `yaml:"spec"`
}

// readManifests parses every document of docs/examples/cronjob.yaml, by kind.
func readManifests(t *testing.T) map[string]manifest {
	t.Helper()
	f, err := os.Open("../../docs/examples/cronjob.yaml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]manifest{}
	dec := yaml.NewDecoder(f)
	for {
		var m manifest
		if err := dec.Decode(&m); err != nil {
			if err.Error() == "EOF" {
				return out
			}
			t.Fatalf("cronjob.yaml: %v", err)
		}
		out[m.Kind] = m
	}
}

// TestCronJobExampleIsAValidCronJob checks the example's required fields
// and the choices the docs promise: Forbid (skip overlaps), no retries.
func TestCronJobExampleIsAValidCronJob(t *testing.T) {
	m := readManifests(t)
	cj, ok := m["CronJob"]
	if !ok || cj.APIVersion != "batch/v1" {
		t.Fatalf("no batch/v1 CronJob: %+v", m)
	}
	if cj.Spec.Schedule == "" || cj.Spec.ConcurrencyPolicy != "Forbid" {
		t.Errorf("schedule %q, concurrencyPolicy %q", cj.Spec.Schedule, cj.Spec.ConcurrencyPolicy)
	}
	job := cj.Spec.JobTemplate.Spec
	pod := job.Template.Spec
	if pod.RestartPolicy != "Never" || job.BackoffLimit == nil || *job.BackoffLimit != 0 {
		t.Errorf("restartPolicy %q, backoffLimit %v: a failed run must not be rerun", pod.RestartPolicy, job.BackoffLimit)
	}
	if len(pod.Containers) != 1 || pod.Containers[0].Image == "" || len(pod.Containers[0].Args) == 0 {
		t.Fatalf("containers %+v", pod.Containers)
	}
	if m["Secret"].APIVersion != "v1" || len(m["Secret"].StringData) == 0 || m["ConfigMap"].Data["automations.json"] == "" {
		t.Errorf("Secret or ConfigMap missing: %+v", m)
	}
}

// cronJobLine returns the example's command line, its bundle path swapped
// for bundle, and sets the Secret's variables, each value swapped by env
// when env names it.
func cronJobLine(t *testing.T, bundle string, env map[string]string) []string {
	t.Helper()
	m := readManifests(t)
	c := m["CronJob"].Spec.JobTemplate.Spec.Template.Spec.Containers[0]
	mount := ""
	for _, v := range c.VolumeMounts {
		if v.Name == "bundle" {
			mount = v.MountPath
		}
	}
	line := append(append([]string{}, c.Command...), c.Args...)
	want := `affdesk run --bundle /bundle/automations.json Weekly affiliate stats email`
	if strings.Join(line, " ") != want || mount != "/bundle" {
		t.Fatalf("the example's command line is %q (mount %q), the docs say %q", line, mount, want)
	}
	for i, a := range line {
		if a == mount+"/automations.json" {
			line[i] = bundle
		}
	}
	for k, v := range m["Secret"].StringData {
		if e, ok := env[k]; ok {
			v = e
		}
		t.Setenv(k, v)
	}
	return line
}

// exportBundle writes `affdesk automations export` of dir to a file.
func exportBundle(t *testing.T, dir string) string {
	t.Helper()
	code, out, errOut := run(dir, "automations", "export")
	if code != 0 {
		t.Fatal(errOut)
	}
	file := filepath.Join(t.TempDir(), "automations.json")
	if err := os.WriteFile(file, []byte(out), 0o600); err != nil {
		t.Fatal(err)
	}
	return file
}

// runLine runs a command line (its first word the program) as the binary
// would, in a fresh TMPDIR, and checks the throw-away folder is gone.
func runLine(t *testing.T, line []string) (int, string, string) {
	t.Helper()
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	var out, errOut strings.Builder
	code := cli.Main(line[1:], nil, &out, &errOut)
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("the throw-away data folder stayed: %v", left)
	}
	return code, out.String(), errOut.String()
}

// TestCronJobCommandLineRunsTheBundle runs the example's exact command
// line against the demo tracker: the Demo connection needs no secret, and
// the email goes to the demo outbox (AFFDESK_SMTP_HOST=demo).
func TestCronJobCommandLineRunsTheBundle(t *testing.T) {
	s, dir := testkit.MustServices(t, nil)
	c := testkit.DemoConn(t, s)
	if _, err := s.AutomationFromPreset("affise.weekly_stats_email", c.ID); err != nil {
		t.Fatal(err)
	}
	s.Close()
	line := cronJobLine(t, exportBundle(t, dir), map[string]string{"AFFDESK_SMTP_HOST": "demo"})
	code, out, errOut := runLine(t, line)
	var rec core.Run
	if err := json.Unmarshal([]byte(out), &rec); err != nil {
		t.Fatalf("stdout is not a run record: %v\n%s\n%s", err, out, errOut)
	}
	if code != cli.ExitOK || rec.Status != core.RunCompleted || rec.AutomationName != "Weekly affiliate stats email" || len(rec.Steps) != 3 {
		t.Fatalf("exit %d, run %s %q with %d steps: %s", code, rec.Status, rec.AutomationName, len(rec.Steps), errOut)
	}
}

// shopFolder makes a data folder whose automation "Shop stats" reads
// /stats from a loopback tracker that wants the key "bundle-key-7788"
// in X-API-Key, and returns the bundle exported from it.
func shopBundle(t *testing.T) (string, *int) {
	t.Helper()
	hits := new(int)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-API-Key") != "bundle-key-7788" {
			http.Error(w, `{"error":"bad key"}`, http.StatusUnauthorized)
			return
		}
		*hits++
		w.Write([]byte(`{"clicks": 12}`))
	}))
	t.Cleanup(srv.Close)
	s, dir := testkit.MustServices(t, nil)
	c := testkit.SaveConn(t, s, core.ConnectionInput{Connection: core.Connection{Name: "Shop API", Platform: core.PlatformCustom,
		Settings: map[string]string{"base_url": srv.URL, "auth_mode": "header", "key_name": "X-API-Key"}},
		Secrets: map[string]string{"api_key": "stored-key-never-exported"}})
	tpl, err := s.SaveTemplate(core.ActionTemplate{Name: "Stats", ConnectionID: c.ID, Kind: core.KindGet, Method: "GET", Path: "/stats", BodyEncoding: core.BodyJSON})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveAutomation(core.Automation{Name: "Shop stats", Steps: []core.Step{{ID: "s1", Kind: core.StepActionGet, TemplateID: tpl.ID}}}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	return exportBundle(t, dir), hits
}

// withSecretEnv rewrites a bundle so its connection names its key's variable.
func withSecretEnv(t *testing.T, file, variable string) string {
	t.Helper()
	raw, _ := os.ReadFile(file)
	var doc map[string]any
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	doc["connections"].([]any)[0].(map[string]any)["secretEnv"] = map[string]string{"api_key": variable}
	out, _ := json.Marshal(doc)
	path := filepath.Join(t.TempDir(), "named.json")
	os.WriteFile(path, out, 0o600)
	return path
}

// TestBundleSecretsFromTheEnvironment proves a Custom connection's key
// comes from AFFDESK_SECRET_SHOP_API_API_KEY, or from the variable its
// secretEnv names, reaches the tracker and appears nowhere in the output;
// a missing variable is a usage error naming connection, field and
// variable, and nothing is sent.
func TestBundleSecretsFromTheEnvironment(t *testing.T) {
	file, hits := shopBundle(t)
	named := withSecretEnv(t, file, "SHOP_KEY")
	tests := []struct {
		name, bundle string
		env          map[string]string
		code, hits   int
		errWant      string
	}{
		{"default variable", file, map[string]string{"AFFDESK_SECRET_SHOP_API_API_KEY": "bundle-key-7788"}, cli.ExitOK, 1, ""},
		{"secretEnv variable", named, map[string]string{"SHOP_KEY": " bundle-key-7788\n"}, cli.ExitOK, 1, ""},
		{"missing", file, nil, cli.ExitUsage, 0, `Connection "Shop API" needs its API key (api_key): set the environment variable AFFDESK_SECRET_SHOP_API_API_KEY.`},
		{"secretEnv missing", named, map[string]string{"AFFDESK_SECRET_SHOP_API_API_KEY": "bundle-key-7788"}, cli.ExitUsage, 0, "set the environment variable SHOP_KEY"},
		{"empty", file, map[string]string{"AFFDESK_SECRET_SHOP_API_API_KEY": " "}, cli.ExitUsage, 0, "AFFDESK_SECRET_SHOP_API_API_KEY"},
		{"wrong key", file, map[string]string{"AFFDESK_SECRET_SHOP_API_API_KEY": "wrong-key-0000"}, cli.ExitFailed, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			*hits = 0
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			code, out, errOut := runLine(t, []string{"affdesk", "run", "--bundle", tt.bundle, "Shop stats"})
			if code != tt.code || *hits != tt.hits || !strings.Contains(errOut, tt.errWant) {
				t.Fatalf("exit %d (want %d), %d hits (want %d)\nstdout %s\nstderr %s", code, tt.code, *hits, tt.hits, out, errOut)
			}
			if strings.Contains(out+errOut, "7788") || strings.Contains(out+errOut, "wrong-key") || strings.Contains(out, "stored-key") {
				t.Errorf("a secret was printed:\n%s\n%s", out, errOut)
			}
			if tt.code != cli.ExitUsage && !strings.Contains(out, `"automationName": "Shop stats"`) {
				t.Errorf("no run record on stdout: %s", out)
			}
		})
	}
}

// TestBundleRefusals covers the usage errors of --bundle: no such file,
// no such automation, a bad secretEnv name.
func TestBundleRefusals(t *testing.T) {
	file, _ := shopBundle(t)
	bad := withSecretEnv(t, file, "NOT A NAME")
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"run", "--bundle", filepath.Join(t.TempDir(), "none.json"), "Shop stats"}, "cannot be read"},
		{[]string{"run", "--bundle", file, "Nope"}, `The bundle has no automation named "Nope"`},
		{[]string{"run", "--bundle", bad, "Shop stats"}, `secretEnv of "api_key" must be an environment variable name`},
		{[]string{"run", "--bundle", file}, "run needs an automation"},
	}
	for _, tt := range tests {
		code, _, errOut := runLine(t, append([]string{"affdesk"}, tt.args...))
		if code != cli.ExitUsage || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: exit %d %s", tt.args, code, errOut)
		}
	}
}
