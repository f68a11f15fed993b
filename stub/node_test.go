package stub

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/jivokit/jivokit/internal/lib/testtool"
	"github.com/jivokit/jivokit/jsapi"
	"github.com/jivokit/jivokit/jsapi/runtime"
)

// TestStubInNode runs testdata/*.test.mjs with node's test runner: Script
// in a fresh vm context per case with a small fake
// document, once on its own and once behind the page runtime, as on a page.
// It also hands the tests the spec as Go has it, so the stub is checked
// against jsapi.Methods and jsapi.Callbacks, not only the generated table,
// and the validation cases jsapi's tests run (jsapi/testdata/validation.json),
// so the stub's checks agree with Go's, message for message. The scripts'
// only copies are Go constants: the test writes Script and runtime.Script
// to temporary files and names them to Node in JIVOKIT_STUB_JS and
// JIVOKIT_STUB_RUNTIME (empty when the stub runs alone).
func TestStubInNode(t *testing.T) {
	node := testtool.Node(t)
	files, err := filepath.Glob(filepath.Join("testdata", "*.test.mjs"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no Node tests in testdata (%v)", err)
	}
	spec := specJSON(t)
	cases, err := filepath.Abs(filepath.Join("..", "jsapi", "testdata", "validation.json"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(cases); err != nil {
		t.Fatalf("the shared validation cases are missing: %v", err)
	}
	dir := t.TempDir()
	stubFile := writeScript(t, dir, "stub.js", Script)
	runtimeFile := writeScript(t, dir, "runtime.js", runtime.Script)
	for _, tc := range []struct {
		name    string
		runtime string
	}{
		{"alone", ""},
		{"behind the page runtime", runtimeFile},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cmd := exec.Command(node, append([]string{"--test", "--test-reporter=spec"}, files...)...)
			cmd.Env = append(os.Environ(), "JIVOKIT_STUB_SPEC="+spec, "JIVOKIT_VALIDATION_CASES="+cases,
				"JIVOKIT_STUB_JS="+stubFile, "JIVOKIT_STUB_RUNTIME="+tc.runtime)
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("node --test failed: %v\n%s", err, out)
			}
			if testing.Verbose() {
				t.Logf("%s", out)
			}
		})
	}
}

// writeScript writes script to dir/name and returns the file's path.
func writeScript(t *testing.T, dir, name, script string) string {
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(script), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func specJSON(t *testing.T) string {
	type method struct {
		Name   string `json:"name"`
		Global bool   `json:"global"`
	}
	var spec struct {
		Methods   []method `json:"methods"`
		Callbacks []string `json:"callbacks"`
	}
	for _, m := range jsapi.Methods() {
		spec.Methods = append(spec.Methods, method{m.Name, m.Global})
	}
	for _, c := range jsapi.Callbacks() {
		spec.Callbacks = append(spec.Callbacks, c.Name)
	}
	b, err := json.Marshal(spec)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
