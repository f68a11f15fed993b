package templates

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/a-h/templ"
	"github.com/jivokit/jivokit/internal/lib/testtool"
)

func TestWASMAppValidate(t *testing.T) {
	for _, a := range []WASMApp{
		{WASMURL: "/app.wasm"},
		{WASMURL: "app.wasm", ExecURL: "/static/wasm_exec.js", RuntimeURL: RuntimePath},
		{WASMURL: "https://cdn.example.com/app.wasm?v=2&x=1"},
		{WASMURL: "//cdn.example.com/app.wasm"},
	} {
		if err := a.Validate(); err != nil {
			t.Errorf("%+v: %v", a, err)
		}
	}
	for _, a := range []WASMApp{
		{},
		{WASMURL: "javascript:alert(1)"},
		{WASMURL: "data:application/wasm;base64,AGFzbQ=="},
		{WASMURL: "/a.wasm", ExecURL: `/x.js" onload="alert(1)`},
		{WASMURL: "/a.wasm", RuntimeURL: "</script>"},
		{WASMURL: "/a b.wasm"},
		{WASMURL: "https:/no-host"},
		{WASMURL: "https:///app.wasm"},
		{WASMURL: "///app.wasm"},
		{WASMURL: "//user@/app.wasm"},
	} {
		err := a.Validate()
		if !errors.Is(err, ErrURL) {
			t.Errorf("%+v: %v, want ErrURL", a, err)
		}
		var b bytes.Buffer
		if rerr := a.Render(context.Background(), &b); rerr == nil || b.Len() > 0 {
			t.Errorf("%+v: Render wrote %q, %v", a, b.String(), rerr)
		}
	}
}

// TestRuntimeOncePerPage checks that a page with both the widget and a WASM
// app gets the runtime once, and a second page (a new context) again.
func TestRuntimeOncePerPage(t *testing.T) {
	w := newTestWidget(t)
	page := templ.Join(w.Snippet(Visitor{}), WASMApp{WASMURL: "/app.wasm"}, WASMApp{WASMURL: "/other.wasm"})
	for range 2 {
		var b bytes.Buffer
		if err := page.Render(templ.WithNonce(context.Background(), "n"), &b); err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(b.String(), runtimeJS.js); n != 1 {
			t.Errorf("runtime rendered %d times, want 1", n)
		}
	}
}

// TestWASMLoaderInNode runs the loader's script in Node (a minimal DOM, a
// fake fetch) against a real Go WASM program and each way it can fail.
func TestWASMLoaderInNode(t *testing.T) {
	node := testtool.Node(t)
	if testing.Short() {
		t.Skip("builds a WASM program")
	}
	dir := t.TempDir()
	src, err := os.ReadFile(filepath.Join("testdata", "loader", "hello.go.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "main.go"), src, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module hello\n\ngo 1.21\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	build := exec.Command("go", "build", "-o", "app.wasm", ".")
	build.Dir = dir
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "GOFLAGS=", "GOWORK=off")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the WASM program: %v\n%s", err, out)
	}
	loader := filepath.Join(dir, "loader.js")
	exec_ := filepath.Join(dir, "wasm_exec.js")
	for file, js := range map[string]string{loader: wasmLoaderJS.js, exec_: WASMExecJS} {
		if err := os.WriteFile(file, []byte(js), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run, _ := filepath.Abs(filepath.Join("testdata", "loader", "run.js"))

	tests := []struct {
		kase    string
		runs    bool   // the program printed its line
		alert   string // part of the alert's text; "" for none
		realApp bool
	}{
		{"streaming", true, "", true},
		{"wrong-type", true, "", true},
		{"no-streaming", true, "", true},
		{"no-webassembly", false, "does not support", true},
		{"no-go", false, "wasm_exec.js did not load", true},
		{"not-found", false, "HTTP 404 for /app.wasm", true},
		{"network-error", false, "cannot fetch /app.wasm", true},
		{"bad-module", false, "could not be loaded", false},
		{"old-exec", false, "wasm_exec.js does not match the Go release that built /app.wasm (it lacks gojs.runtime.walltime)", true},
		{"link-error", false, "wasm_exec.js does not match the Go release that built /app.wasm", true},
	}
	for _, tt := range tests {
		t.Run(tt.kase, func(t *testing.T) {
			args := []string{run, loader, exec_, tt.kase}
			if tt.realApp {
				args = append(args, filepath.Join(dir, "app.wasm"))
			}
			out, err := exec.Command(node, args...).Output()
			if err != nil {
				t.Fatalf("node: %v\n%s", err, out)
			}
			var res struct {
				Alerts []struct {
					Text, ClassName string
					BeforeScript    bool
				}
				Errors, Logs []string
				Fetched      string
			}
			if err := json.Unmarshal(out, &res); err != nil {
				t.Fatalf("%v: %s", err, out)
			}
			ran := strings.Contains(strings.Join(res.Logs, "\n"), "hello from wasm") || strings.Contains(strings.Join(res.Errors, "\n"), "hello from wasm")
			if ran != tt.runs {
				t.Errorf("program ran = %v, want %v (%+v)", ran, tt.runs, res)
			}
			if tt.alert == "" {
				if len(res.Alerts) != 0 {
					t.Errorf("unexpected alert %+v", res.Alerts)
				}
				return
			}
			if len(res.Alerts) != 1 || !strings.Contains(res.Alerts[0].Text, tt.alert) || res.Alerts[0].ClassName != "jivokit-wasm-error" || !res.Alerts[0].BeforeScript {
				t.Errorf("alerts = %+v, want one containing %q before the script", res.Alerts, tt.alert)
			}
			if len(res.Alerts) == 1 && strings.Contains(tt.alert, "does not match") {
				for _, hint := range []string{"lib/wasm/wasm_exec.js", "`jivokit build`"} {
					if !strings.Contains(res.Alerts[0].Text, hint) {
						t.Errorf("alert %q does not say %q", res.Alerts[0].Text, hint)
					}
				}
			}
			if !strings.Contains(strings.Join(res.Errors, "\n"), tt.alert) {
				t.Errorf("console.error = %q, want %q", res.Errors, tt.alert)
			}
		})
	}
}
