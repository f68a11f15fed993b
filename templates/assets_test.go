package templates

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/jivokit/jivokit/jsapi/runtime"
)

func TestAssetHandler(t *testing.T) {
	srv := httptest.NewServer(AssetHandler())
	defer srv.Close()
	for path, body := range map[string]string{RuntimePath: runtime.Script, WASMExecPath: WASMExecJS} {
		res, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		got, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 200 || string(got) != body {
			t.Errorf("%s: %d, %d bytes, want the %d-byte asset", path, res.StatusCode, len(got), len(body))
		}
		if ct := res.Header.Get("Content-Type"); ct != "text/javascript; charset=utf-8" {
			t.Errorf("%s: Content-Type %q", path, ct)
		}
		etag := res.Header.Get("ETag")
		req, _ := http.NewRequest("GET", srv.URL+path, nil)
		req.Header.Set("If-None-Match", etag)
		res, err = http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if etag == "" || res.StatusCode != http.StatusNotModified {
			t.Errorf("%s: conditional GET with ETag %q: %d, want 304", path, etag, res.StatusCode)
		}
	}
	for _, tc := range []struct {
		method, path string
		want         int
	}{
		{"GET", "/jivokit/other.js", 404},
		{"GET", "/", 404},
		{"POST", RuntimePath, 405},
		{"HEAD", WASMExecPath, 200},
	} {
		req, _ := http.NewRequest(tc.method, srv.URL+tc.path, nil)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != tc.want {
			t.Errorf("%s %s: %d, want %d", tc.method, tc.path, res.StatusCode, tc.want)
		}
	}
}

// TestWASMExecJSIsGosOwn checks that the embedded file is Go's
// wasm_exec.js with the generator's header; internal/build/gen's staleness test
// compares it with the toolchain's.
func TestWASMExecJSIsGosOwn(t *testing.T) {
	if !strings.Contains(WASMExecJS, "globalThis.Go = class") || !strings.HasPrefix(WASMExecJS, "// Code generated") {
		t.Errorf("WASMExecJS does not look like Go's wasm_exec.js:\n%.300s", WASMExecJS)
	}
}
