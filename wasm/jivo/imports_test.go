//go:build !(js && wasm)

package jivo_test

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestImportGraph keeps fmt, encoding/json and reflect (and so everything
// that imports them), embed, whose dependencies' initialization costs
// about 2 KB, and strings, slices and unicode (whose tables weigh tens of
// KB; package jsapi has its own small ASCII helpers) out of a WebAssembly
// program that uses the bridge.
func TestImportGraph(t *testing.T) {
	cmd := exec.Command("go", "list", "-deps", "github.com/jivokit/jivokit/wasm/jivo")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	deps := strings.Fields(string(out))
	if len(deps) < 5 {
		t.Fatalf("go list -deps answered only %q", deps)
	}
	for _, dep := range deps {
		switch dep {
		case "fmt", "encoding/json", "reflect", "embed", "strings", "slices", "unicode":
			t.Errorf("wasm/jivo imports %s under GOOS=js GOARCH=wasm", dep)
		}
	}
}
