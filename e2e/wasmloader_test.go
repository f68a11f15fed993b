package e2e_test

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/a-h/templ"

	"github.com/jivokit/jivokit/assets"
	"github.com/jivokit/jivokit/e2e"
	"github.com/jivokit/jivokit/templates"
)

// TestWASMLoaderExecProblems: under a nonce-based CSP, a wasm_exec.js of
// another Go release (one the app's imports do not find) and a
// wasm_exec.js that does not load are named on the page and in the
// console, and the app does not start.
func TestWASMLoaderExecProblems(t *testing.T) {
	b := e2e.NewBrowser(t)
	dir, m := driver.build(t)
	app, err := templates.WASMAppFromManifest("/app/", m)
	if err != nil {
		t.Fatal(err)
	}
	// Go's wasm_exec.js without one function the app imports, as the file
	// of an older Go release lacks the functions added since.
	old := templates.WASMExecJS + `
(() => {
  const G = globalThis.Go;
  globalThis.Go = class extends G {
    constructor() { super(); delete this.importObject.gojs["runtime.walltime"]; }
  };
})();`
	mux := http.NewServeMux()
	mux.Handle("/app/", http.StripPrefix("/app/", assets.Handler(os.DirFS(dir))))
	mux.HandleFunc("/old/wasm_exec.js", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		io.WriteString(w, old)
	})
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		a := app
		a.ExecURL = r.URL.Query().Get("exec")
		nonce := newNonce()
		policy := templates.ParsePolicy("default-src 'self'; img-src 'self' data:; base-uri 'none'; object-src 'none'").
			Merge(templates.WASMPolicy()).WithNonce(nonce)
		var body bytes.Buffer
		body.WriteString(`<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>loader</title>`)
		if err := a.Render(templ.WithNonce(r.Context(), nonce), &body); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		body.WriteString(`</head><body><h1>loader</h1></body></html>`)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Security-Policy", policy.String())
		w.Write(body.Bytes())
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	for _, tc := range []struct {
		name, exec string
		want       []string
	}{
		{"other Go release", "/old/wasm_exec.js", []string{
			"This page's app could not be loaded: wasm_exec.js (" + srv.URL + "/old/wasm_exec.js) does not match the Go release that built /app/" + m.WASM + " (it lacks gojs.runtime.walltime)",
			"$(go env GOROOT)/lib/wasm/wasm_exec.js", "`jivokit build`",
		}},
		{"not found", "/missing/wasm_exec.js", []string{
			"This page's app could not be loaded: wasm_exec.js did not load from " + srv.URL + "/missing/wasm_exec.js",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := b.Open(t, srv.URL+"/page?exec="+tc.exec, e2e.WithAllowedConsole(`jivokit: This page's app could not be loaded|404|MIME type`))
			p.WaitFor(`document.querySelector("p.jivokit-wasm-error[role=alert]") !== null`)
			text := p.Text("p.jivokit-wasm-error")
			for _, w := range tc.want {
				if !strings.Contains(text, w) {
					t.Errorf("alert %q\nwant %q", text, w)
				}
			}
			var logged bool
			for _, msg := range p.Console() {
				logged = logged || strings.Contains(msg.String(), tc.want[0])
			}
			if !logged {
				t.Errorf("console %v: want %q", p.Console(), tc.want[0])
			}
			if n := e2e.Eval[int](p, `document.querySelectorAll("p.jivokit-wasm-error").length`); n != 1 {
				t.Errorf("%d alerts, want 1", n)
			}
			if ran := e2e.Eval[bool](p, `document.documentElement.dataset.driver === "ready"`); ran {
				t.Error("the app started")
			}
		})
	}
}
