package templates

import (
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/jivokit/jivokit/assets"
	"github.com/jivokit/jivokit/jsapi/runtime"
	"github.com/jivokit/jivokit/stub"
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

// TestRuntimeHasOneAnswer checks that the page runtime, which both
// AssetHandler and stub.Handler serve at RuntimePath, gets the same answer
// from both, with the caching rule of package assets for a name without a
// hash; and that a build directory's wasm_exec.js, hashed, is immutable.
func TestRuntimeHasOneAnswer(t *testing.T) {
	if RuntimePath != stub.RuntimePath {
		t.Fatalf("RuntimePath %q, stub.RuntimePath %q", RuntimePath, stub.RuntimePath)
	}
	get := func(h http.Handler, path string) *httptest.ResponseRecorder {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest("GET", path, nil))
		return w
	}
	a, b := get(AssetHandler(), RuntimePath), get(stub.Handler(), RuntimePath)
	if a.Code != 200 || a.Body.String() != runtime.Script || b.Body.String() != a.Body.String() {
		t.Fatalf("runtime: %d / %d, bodies equal %v", a.Code, b.Code, a.Body.String() == b.Body.String())
	}
	if !maps.EqualFunc(a.Header(), b.Header(), slices.Equal) {
		t.Errorf("headers differ:\nAssetHandler %v\nstub.Handler %v", a.Header(), b.Header())
	}
	for k, v := range map[string]string{"Cache-Control": assets.CacheRevalidate, "X-Content-Type-Options": "nosniff"} {
		if got := a.Header().Get(k); got != v {
			t.Errorf("%s %q, want %q", k, got, v)
		}
	}
	if a.Header().Get("ETag") == "" {
		t.Error("no ETag")
	}

	dist := fstest.MapFS{"wasm_exec.0123456789ab.js": {Data: []byte(WASMExecJS)}}
	w := get(assets.Handler(dist), "/wasm_exec.0123456789ab.js")
	if got := w.Header().Get("Cache-Control"); got != assets.CacheImmutable || w.Header().Get("ETag") == "" {
		t.Errorf("hashed wasm_exec.js: Cache-Control %q, ETag %q", got, w.Header().Get("ETag"))
	}
}
