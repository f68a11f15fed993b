package runtime

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jivokit/jivokit/internal/build/jsbundle"
	"github.com/jivokit/jivokit/internal/lib/testtool"
)

// TestCoalescingPerMethodInNode runs testdata/coalesce.test.mjs against a
// runtime built from this package's sources with a test-only method table
// in which setContactInfo coalesces as setClientAttributes does: each
// coalescing method must keep its own burst.
func TestCoalescingPerMethodInNode(t *testing.T) {
	node := testtool.Node(t)
	dir := t.TempDir()
	srcs, err := filepath.Glob(filepath.Join("src", "*.js"))
	if err != nil || len(srcs) == 0 {
		t.Fatalf("no sources in src: %v", err)
	}
	for _, src := range srcs {
		data, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		if filepath.Base(src) == "methods.gen.js" {
			const entry, coalescing = `{ name: "setContactInfo", answer: "none", `, `{ name: "setContactInfo", answer: "none", coalesce: true, `
			if !strings.Contains(string(data), entry) || !strings.Contains(string(data), `coalesce: true`) {
				t.Fatalf("the method table has no %q entry, or no coalescing method, to build the test table from", entry)
			}
			data = []byte(strings.Replace(string(data), entry, coalescing, 1))
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(src)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	js, err := jsbundle.Bundle(filepath.Join(dir, "index.js"), jsbundle.Options{})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "runtime.js")
	if err := os.WriteFile(path, js, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, "--test", "--test-reporter=spec", "testdata/coalesce.test.mjs")
	cmd.Env = append(os.Environ(), "JIVOKIT_RUNTIME_JS="+path)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("node --test failed: %v\n%s", err, out)
	}
	if testing.Verbose() {
		os.Stdout.Write(out)
	}
}
