package templates_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/jivokit/jivokit/assets"
	"github.com/jivokit/jivokit/templates"
)

// built is a manifest with the given file names.
func built(wasm, exec string) assets.Manifest {
	return assets.Manifest{Package: "./cmd/app", WASM: wasm, WASMExec: exec}
}

func TestWASMAppFromManifest(t *testing.T) {
	const wasm, exec = "app.0123456789ab.wasm", "wasm_exec.ba9876543210.js"
	ok := built(wasm, exec)
	tests := []struct {
		prefix   string
		m        assets.Manifest
		want     templates.WASMApp
		wantErr  error
		wantText string // in the error
	}{
		{prefix: "/app/", m: ok, want: templates.WASMApp{WASMURL: "/app/" + wasm, ExecURL: "/app/" + exec}},
		{prefix: "/app", m: ok, want: templates.WASMApp{WASMURL: "/app/" + wasm, ExecURL: "/app/" + exec}},
		{prefix: "/", m: ok, want: templates.WASMApp{WASMURL: "/" + wasm, ExecURL: "/" + exec}},
		{prefix: "https://cdn.example.com/v2", m: ok,
			want: templates.WASMApp{WASMURL: "https://cdn.example.com/v2/" + wasm, ExecURL: "https://cdn.example.com/v2/" + exec}},
		{prefix: "static", m: ok, want: templates.WASMApp{WASMURL: "static/" + wasm, ExecURL: "static/" + exec}},
		{prefix: "/app/", m: built("my app.0123456789ab.wasm", exec),
			want: templates.WASMApp{WASMURL: "/app/my%20app.0123456789ab.wasm", ExecURL: "/app/" + exec}},

		{prefix: "", m: ok, wantErr: templates.ErrURL, wantText: "prefix is empty"},
		{prefix: "/app/?v=2", m: ok, wantErr: templates.ErrURL, wantText: "query or fragment"},
		{prefix: "/app#x", m: ok, wantErr: templates.ErrURL, wantText: "query or fragment"},
		{prefix: "javascript:", m: ok, wantErr: templates.ErrURL, wantText: `scheme "javascript"`},
		{prefix: `/a"b/`, m: ok, wantErr: templates.ErrURL, wantText: "quote"},
		{prefix: "/app/", m: built("", exec), wantErr: assets.ErrBadManifest, wantText: `"wasm" is missing`},
		{prefix: "/app/", m: built(wasm, ""), wantErr: assets.ErrBadManifest, wantText: `"wasm_exec" is missing`},
		{prefix: "/app/", m: built("../app.wasm", exec), wantErr: assets.ErrBadManifest, wantText: "not a file name"},
		{prefix: "/app/", m: built(wasm, `js\wasm_exec.js`), wantErr: assets.ErrBadManifest, wantText: "not a file name"},
	}
	for _, tt := range tests {
		app, err := templates.WASMAppFromManifest(tt.prefix, tt.m)
		if tt.wantErr != nil {
			if !errors.Is(err, tt.wantErr) || !strings.Contains(err.Error(), tt.wantText) {
				t.Errorf("%q, %+v: err = %v, want %v saying %q", tt.prefix, tt.m, err, tt.wantErr, tt.wantText)
			}
			if app != (templates.WASMApp{}) {
				t.Errorf("%q, %+v: an error and the app %+v", tt.prefix, tt.m, app)
			}
			continue
		}
		if err != nil || app != tt.want {
			t.Errorf("%q, %+v: %+v, %v; want %+v", tt.prefix, tt.m, app, err, tt.want)
		}
	}
}

// TestWASMAppFromManifestFile: a manifest as the build writes it, read
// from disk, renders a loader that names its files under the prefix.
func TestWASMAppFromManifestFile(t *testing.T) {
	fsys := fstest.MapFS{assets.ManifestName: {Data: []byte(
		`{"package":"./cmd/app","wasm":"app.0123456789ab.wasm","wasm_exec":"wasm_exec.ba9876543210.js",` +
			`"files":[{"name":"app.0123456789ab.wasm","size":3},{"name":"wasm_exec.ba9876543210.js","size":2}]}`)}}
	m, err := assets.ReadManifest(fsys)
	if err != nil {
		t.Fatal(err)
	}
	app, err := templates.WASMAppFromManifest("/app/", m)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := app.Render(context.Background(), &b); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`href="/app/app.0123456789ab.wasm"`, `src="/app/wasm_exec.ba9876543210.js"`, `data-wasm="/app/app.0123456789ab.wasm"`} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("the loader has no %s:\n%.400s", want, b.String())
		}
	}
}

func ExampleWASMAppFromManifest() {
	// m, err := assets.ReadManifest(os.DirFS("dist")), after `jivokit build -o dist ./cmd/app`;
	// the site serves the directory with
	// mux.Handle("/app/", http.StripPrefix("/app/", assets.Handler(os.DirFS("dist")))).
	m := assets.Manifest{WASM: "app.4f9c03b63f83.wasm", WASMExec: "wasm_exec.72cb6743ef9d.js"}
	app, err := templates.WASMAppFromManifest("/app/", m)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	fmt.Println(app.WASMURL)
	fmt.Println(app.ExecURL)
	_, err = templates.WASMAppFromManifest("/app/", assets.Manifest{})
	fmt.Println(err)
	// Output:
	// /app/app.4f9c03b63f83.wasm
	// /app/wasm_exec.72cb6743ef9d.js
	// assets: bad manifest.json: "wasm" is missing (build the app with `jivokit build -o DIR PACKAGE`)
}
