package gen

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestWASMExecMatchesToolchain fails when the committed
// templates/wasm_exec.js is not this toolchain's, and says what to do:
// most often the tests run under another Go release than go.mod's
// toolchain line pins.
func TestWASMExecMatchesToolchain(t *testing.T) {
	root, err := Root(".")
	if err != nil {
		t.Fatal(err)
	}
	want, err := wasmExecJS()
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(wasmExecPath)))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		version, _ := goEnv("GOVERSION")
		t.Fatal(wasmExecMismatch(got, version, goModToolchain(root)))
	}
}

// wasmExecMismatch explains a committed wasm_exec.js that differs from
// the running toolchain's (version).
func wasmExecMismatch(committed []byte, version, pinned string) string {
	from := "an unknown Go release"
	if line, _, _ := bytes.Cut(committed, []byte("\n")); bytes.HasPrefix(line, []byte(wasmExecHeader)) {
		from = strings.TrimSuffix(strings.TrimPrefix(string(line), wasmExecHeader), ". DO NOT EDIT.")
	}
	msg := wasmExecPath + " is the wasm_exec.js of " + from + ", and the Go running this test is " + version + ", whose copy differs.\n"
	regenerate := "run `go generate ./...` and commit " + wasmExecPath + "."
	switch {
	case pinned != "" && version == pinned:
		return msg + "This is the toolchain go.mod pins, so the committed copy is stale: " + regenerate
	case from == goRelease(version):
		return msg + "The release changed its wasm_exec.js, or the file was edited: " + regenerate
	}
	msg += "The page's wasm_exec.js must come from the Go release that builds the WASM app.\n"
	if pinned != "" {
		msg += "  - To test jivokit as it is, use the toolchain go.mod pins: GOTOOLCHAIN=" + pinned + " go test ./...\n" +
			"    (go.mod's toolchain line never downgrades a newer local Go).\n"
	}
	return msg + "  - To move jivokit to " + version + ", update go.mod's toolchain line, then " + regenerate
}

// goModToolchain returns go.mod's toolchain line's version ("go1.26.8"),
// or "".
func goModToolchain(root string) string {
	data, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		return ""
	}
	m := regexp.MustCompile(`(?m)^toolchain\s+(\S+)`).FindSubmatch(data)
	if m == nil {
		return ""
	}
	return string(m[1])
}

func TestWASMExecMismatchSaysWhatToDo(t *testing.T) {
	committed := []byte(wasmExecHeader + "go1.26. DO NOT EDIT.\n\n// Copyright")
	for _, tt := range []struct {
		name, version, pinned string
		want                  []string
	}{
		{"newer Go", "go1.27.1", "go1.26.8", []string{"wasm_exec.js of go1.26", "running this test is go1.27.1", "GOTOOLCHAIN=go1.26.8 go test", "update go.mod's toolchain line"}},
		{"no toolchain line", "go1.27.1", "", []string{"update go.mod's toolchain line"}},
		{"same release", "go1.26.9", "go1.26.8", []string{"run `go generate ./...`"}},
		{"the pinned toolchain, a stale copy", "go1.26.8", "go1.26.8", []string{"stale", "run `go generate ./...`"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := wasmExecMismatch(committed, tt.version, tt.pinned)
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("message lacks %q:\n%s", w, got)
				}
			}
		})
	}
	if got := wasmExecMismatch([]byte("// hand-written"), "go1.26.8", ""); !strings.Contains(got, "an unknown Go release") {
		t.Errorf("message for a file without the header:\n%s", got)
	}
}

func TestGoRelease(t *testing.T) {
	for in, want := range map[string]string{"go1.26.8": "go1.26", "go1.26": "go1.26", "go1.27rc1": "go1.27", "go1.26.0-X:jsonv2": "go1.26"} {
		if got := goRelease(in); got != want {
			t.Errorf("goRelease(%q) = %q, want %q", in, got, want)
		}
	}
}
