package runtime

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"go/build"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jivokit/jivokit/internal/lib/testtool"
	"github.com/jivokit/jivokit/jsapi"
)

// gzipGoal is the page runtime's size budget, gzipped. It was 2048 until
// every page got what the loading strategies and cancellation need of the
// core (jivokit.load, phase, withdraw) and the setClientAttributes burst
// guard, about 150 bytes; the strategies themselves live in Loader, which
// only pages that use one get (loaderGoal). docs/runtime.md gives both.
const gzipGoal = 2304

// loaderGoal is the loader's size budget, gzipped. It was 1536 until the
// loader got the watchdog that tells when the widget fails to load (the
// timeout, the script's error, the policy's refusal, the fallback link and
// the failure event, about 550 bytes) and came to every page, eager ones
// too: it adds the widget's script, which a policy with 'strict-dynamic'
// and hashes trusts only when a trusted script adds it. It was 2176 until
// the fallback link learned to wait for a body (a snippet in <head>) and
// to give way to the launcher it replaced when a new load starts.
const loaderGoal = 2240

// lifeGoal is the life script's size budget, gzipped: only pages that hide
// the widget, reset or switch it, swap their body or draw a launcher with
// live state load it.
const lifeGoal = 4608

// TestRuntimeInNode runs testdata/runtime.test.mjs and loader.test.mjs
// with node's test runner: Script (and Loader behind it) against a fake
// widget, a fresh vm context per case.
func TestRuntimeInNode(t *testing.T) {
	node := testtool.Node(t)
	cmd := exec.Command(node, "--test", "--test-reporter=spec", "testdata/runtime.test.mjs", "testdata/loader.test.mjs", "testdata/life.test.mjs")
	cmd.Env = scriptEnv(t)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("node --test failed: %v\n%s", err, out)
	}
	if testing.Verbose() {
		os.Stdout.Write(out)
	}
}

// scriptEnv writes Script and Loader to files in a temporary directory and
// returns the environment that names them to the Node files in testdata
// (JIVOKIT_RUNTIME_JS, JIVOKIT_LOADER_JS): the scripts' only copy is this
// package's constants.
func scriptEnv(tb testing.TB) []string {
	dir := tb.TempDir()
	env := os.Environ()
	for name, script := range map[string]string{"JIVOKIT_RUNTIME_JS": Script, "JIVOKIT_LOADER_JS": Loader, "JIVOKIT_LIFE_JS": Life} {
		path := filepath.Join(dir, strings.ToLower(name)+".js")
		if err := os.WriteFile(path, []byte(script), 0o644); err != nil {
			tb.Fatal(err)
		}
		env = append(env, name+"="+path)
	}
	// The spec's method and callback names, in order, for the tests that
	// check the runtime's tables against it.
	var methods, callbacks []string
	for _, m := range jsapi.Methods() {
		methods = append(methods, m.Name)
	}
	for _, c := range jsapi.Callbacks() {
		callbacks = append(callbacks, c.Name)
	}
	return append(env, "JIVOKIT_SPEC_METHODS="+strings.Join(methods, ","), "JIVOKIT_SPEC_CALLBACKS="+strings.Join(callbacks, ","))
}

func sizes(t testing.TB) (minified, gzipped int) { return sizeOf(t, Script) }

func sizeOf(t testing.TB, script string) (minified, gzipped int) {
	var z bytes.Buffer
	w, err := gzip.NewWriterLevel(&z, gzip.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte(script))
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return len(script), z.Len()
}

// TestLoaderSize keeps the loader within its budget.
func TestLoaderSize(t *testing.T) {
	minified, gzipped := sizeOf(t, Loader)
	if testing.Verbose() {
		fmt.Printf("loader: %d bytes minified, %d bytes gzipped (goal: under %d gzipped)\n", minified, gzipped, loaderGoal)
	}
	if gzipped >= loaderGoal {
		t.Errorf("the loader is %d bytes gzipped, over its budget of %d: make it smaller", gzipped, loaderGoal)
	}
}

// TestLifeSize keeps the life script within its budget.
func TestLifeSize(t *testing.T) {
	minified, gzipped := sizeOf(t, Life)
	if testing.Verbose() {
		fmt.Printf("life script: %d bytes minified, %d bytes gzipped (goal: under %d gzipped)\n", minified, gzipped, lifeGoal)
	}
	if gzipped >= lifeGoal {
		t.Errorf("the life script is %d bytes gzipped, over its budget of %d: make it smaller", gzipped, lifeGoal)
	}
}

// TestScriptSize keeps the runtime within its budget and prints its sizes
// (see them with go test -v).
func TestScriptSize(t *testing.T) {
	minified, gzipped := sizes(t)
	if testing.Verbose() {
		fmt.Printf("page runtime: %d bytes minified, %d bytes gzipped (goal: under %d gzipped, %.0f%% of it)\n",
			minified, gzipped, gzipGoal, 100*float64(gzipped)/gzipGoal)
	}
	if gzipped >= gzipGoal {
		t.Errorf("the page runtime is %d bytes gzipped, over its budget of %d: make it smaller", gzipped, gzipGoal)
	}
}

// BenchmarkScriptSize reports the sizes as metrics.
func BenchmarkScriptSize(b *testing.B) {
	minified, gzipped := sizes(b)
	for b.Loop() {
	}
	b.ReportMetric(float64(minified), "min-bytes")
	b.ReportMetric(float64(gzipped), "gzip-bytes")
}

func TestScriptIsBundled(t *testing.T) {
	for _, want := range []string{"jivokit", "jivo_onLoadCallback", "jivokit-config", "queue full"} {
		if !strings.Contains(Script, want) {
			t.Errorf("Script does not mention %q", want)
		}
	}
	if strings.Contains(Script, "import ") || strings.Contains(Script, "export ") {
		t.Error("Script still has module syntax: it is not bundled")
	}
}

// TestImportsNothing guards the WebAssembly bridge's size: the bridge
// imports this package for Script, so it must import nothing (embed's
// dependencies' initialization alone adds about 2 KB to a WebAssembly
// program).
func TestImportsNothing(t *testing.T) {
	pkg, err := build.ImportDir(".", 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(pkg.Imports) > 0 {
		t.Errorf("package runtime imports %v, want nothing", pkg.Imports)
	}
}

// BenchmarkCallInNode reports, from one node run, the nanoseconds of two
// widget calls made directly on jivo_api and through jivokit.call by index
// and by name, and the overhead ratio of the index path.
func BenchmarkCallInNode(b *testing.B) {
	node, err := exec.LookPath("node")
	if err != nil {
		b.Skip("node not found")
	}
	env := scriptEnv(b)
	var res struct{ Direct, Index, Name float64 }
	for b.Loop() {
		cmd := exec.Command(node, "testdata/bench.mjs", "1000000")
		cmd.Env = env
		out, err := cmd.Output()
		if err != nil {
			b.Fatalf("node: %v\n%s", err, out)
		}
		if err := json.Unmarshal(out, &res); err != nil {
			b.Fatalf("%v: %s", err, out)
		}
	}
	b.ReportMetric(res.Direct, "ns/direct")
	b.ReportMetric(res.Index, "ns/call-index")
	b.ReportMetric(res.Name, "ns/call-name")
	b.ReportMetric(res.Index/res.Direct, "x-index/direct")
}
