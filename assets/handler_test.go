package assets

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

const hashedWASM = "app.0123456789ab.wasm"

func testFS() fstest.MapFS {
	return fstest.MapFS{
		hashedWASM:                     {Data: []byte("plain wasm")},
		hashedWASM + ".br":             {Data: []byte("brotli wasm")},
		hashedWASM + ".gz":             {Data: []byte("gzip wasm")},
		"wasm_exec.0a1b2c3d4e5f.js":    {Data: []byte("plain js")},
		"wasm_exec.0a1b2c3d4e5f.js.gz": {Data: []byte("gzip js")},
		"manifest.json":                {Data: []byte(`{}`)},
		"sub/page.html":                {Data: []byte("<p>hi</p>")},
		".secret":                      {Data: []byte("hidden")},
	}
}

func TestHandler(t *testing.T) {
	tests := []struct {
		name           string
		method         string
		path           string
		acceptEncoding string
		wantStatus     int
		wantBody       string
		wantEncoding   string
		wantType       string
		wantCache      string
	}{
		{name: "brotli preferred", path: "/" + hashedWASM, acceptEncoding: "gzip, deflate, br",
			wantStatus: 200, wantBody: "brotli wasm", wantEncoding: "br", wantType: "application/wasm", wantCache: CacheImmutable},
		{name: "gzip only", path: "/" + hashedWASM, acceptEncoding: "gzip",
			wantStatus: 200, wantBody: "gzip wasm", wantEncoding: "gzip", wantType: "application/wasm", wantCache: CacheImmutable},
		{name: "gzip rated higher", path: "/" + hashedWASM, acceptEncoding: "br;q=0.5, gzip;q=0.9",
			wantStatus: 200, wantBody: "gzip wasm", wantEncoding: "gzip", wantType: "application/wasm", wantCache: CacheImmutable},
		{name: "brotli refused", path: "/" + hashedWASM, acceptEncoding: "br;q=0, gzip",
			wantStatus: 200, wantBody: "gzip wasm", wantEncoding: "gzip", wantType: "application/wasm", wantCache: CacheImmutable},
		{name: "star", path: "/" + hashedWASM, acceptEncoding: "*",
			wantStatus: 200, wantBody: "brotli wasm", wantEncoding: "br", wantType: "application/wasm", wantCache: CacheImmutable},
		{name: "no encoding accepted", path: "/" + hashedWASM,
			wantStatus: 200, wantBody: "plain wasm", wantType: "application/wasm", wantCache: CacheImmutable},
		{name: "identity only", path: "/" + hashedWASM, acceptEncoding: "identity",
			wantStatus: 200, wantBody: "plain wasm", wantType: "application/wasm", wantCache: CacheImmutable},
		{name: "no brotli copy falls back to gzip", path: "/wasm_exec.0a1b2c3d4e5f.js", acceptEncoding: "br, gzip",
			wantStatus: 200, wantBody: "gzip js", wantEncoding: "gzip", wantType: "text/javascript; charset=utf-8", wantCache: CacheImmutable},
		{name: "unhashed name revalidates", path: "/manifest.json", acceptEncoding: "br, gzip",
			wantStatus: 200, wantBody: "{}", wantType: "application/json", wantCache: CacheRevalidate},
		{name: "file in a subdirectory", path: "/sub/page.html",
			wantStatus: 200, wantBody: "<p>hi</p>", wantType: "text/html; charset=utf-8", wantCache: CacheRevalidate},
		{name: "HEAD has no body", method: http.MethodHead, path: "/" + hashedWASM, acceptEncoding: "br",
			wantStatus: 200, wantEncoding: "br", wantType: "application/wasm", wantCache: CacheImmutable},
		{name: "root is not listed", path: "/", wantStatus: 404},
		{name: "directory is not listed", path: "/sub", wantStatus: 404},
		{name: "directory with slash is not listed", path: "/sub/", wantStatus: 404},
		{name: "missing file", path: "/nope.wasm", wantStatus: 404},
		{name: "dot file", path: "/.secret", wantStatus: 404},
		{name: "parent directory", path: "/../etc/passwd", wantStatus: 404},
		{name: "parent inside", path: "/sub/../manifest.json", wantStatus: 404},
		{name: "backslash", path: `/sub\page.html`, wantStatus: 404},
		{name: "POST", method: http.MethodPost, path: "/" + hashedWASM, wantStatus: 405},
	}
	h := Handler(testFS())
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			method := tt.method
			if method == "" {
				method = http.MethodGet
			}
			r := httptest.NewRequest(method, "/", nil)
			r.URL.Path = tt.path
			if tt.acceptEncoding != "" {
				r.Header.Set("Accept-Encoding", tt.acceptEncoding)
			}
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			res := w.Result()
			if res.StatusCode != tt.wantStatus {
				t.Fatalf("status %d, want %d", res.StatusCode, tt.wantStatus)
			}
			if tt.wantStatus != 200 {
				return
			}
			if got := w.Body.String(); got != tt.wantBody {
				t.Errorf("body %q, want %q", got, tt.wantBody)
			}
			for _, h := range []struct{ key, want string }{
				{"Content-Encoding", tt.wantEncoding},
				{"Content-Type", tt.wantType},
				{"Cache-Control", tt.wantCache},
				{"Vary", "Accept-Encoding"},
				{"X-Content-Type-Options", "nosniff"},
			} {
				if got := res.Header.Get(h.key); got != h.want {
					t.Errorf("%s %q, want %q", h.key, got, h.want)
				}
			}
		})
	}
}

// TestHandlerDirFS checks the handler over a real directory, with a file
// beside it that a path escaping the directory would reach.
func TestHandlerDirFS(t *testing.T) {
	root := t.TempDir()
	dist := filepath.Join(root, "dist")
	if err := os.Mkdir(dist, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "secret.txt"), []byte("secret"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dist, hashedWASM), []byte("wasm"), 0o644); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.StripPrefix("/app/", Handler(os.DirFS(dist))))
	defer srv.Close()

	for _, tc := range []struct {
		path string
		want int
	}{
		{"/app/" + hashedWASM, 200},
		{"/app/%2e%2e/secret.txt", 404},
		{"/app/..%2fsecret.txt", 404},
		{"/app/", 404},
	} {
		res, err := http.Get(srv.URL + tc.path)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != tc.want {
			t.Errorf("GET %s: status %d, want %d", tc.path, res.StatusCode, tc.want)
		}
	}
}

// TestHandlerETag checks the one caching rule: every copy has its own
// strong ETag (the name's hash for hashed files, a content hash for the
// others), a matching If-None-Match gets 304, and an unhashed file's tag
// changes when its content does.
func TestHandlerETag(t *testing.T) {
	fsys := testFS()
	h := Handler(fsys)
	get := func(path, acceptEncoding, ifNoneMatch string) *http.Response {
		t.Helper()
		r := httptest.NewRequest(http.MethodGet, path, nil)
		if acceptEncoding != "" {
			r.Header.Set("Accept-Encoding", acceptEncoding)
		}
		if ifNoneMatch != "" {
			r.Header.Set("If-None-Match", ifNoneMatch)
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		return w.Result()
	}
	tags := map[string]string{}
	for _, c := range []struct{ path, enc, want string }{
		{"/" + hashedWASM, "br", `"0123456789ab.br"`},
		{"/" + hashedWASM, "gzip", `"0123456789ab.gz"`},
		{"/" + hashedWASM, "", `"0123456789ab"`},
		{"/manifest.json", "", ""},
		{"/sub/page.html", "", ""},
	} {
		res := get(c.path, c.enc, "")
		etag := res.Header.Get("ETag")
		if c.want != "" && etag != c.want {
			t.Errorf("%s (%s): ETag %s, want %s", c.path, c.enc, etag, c.want)
		}
		if len(etag) < 10 || etag[0] != '"' || etag[len(etag)-1] != '"' {
			t.Errorf("%s (%s): ETag %q is not a strong tag", c.path, c.enc, etag)
		}
		if other, seen := tags[etag]; seen {
			t.Errorf("%s (%s) has the ETag of %s", c.path, c.enc, other)
		}
		tags[etag] = c.path + " " + c.enc
		if res := get(c.path, c.enc, etag); res.StatusCode != http.StatusNotModified {
			t.Errorf("%s (%s) with If-None-Match %s: %d, want 304", c.path, c.enc, etag, res.StatusCode)
		}
		if res := get(c.path, c.enc, `"other"`); res.StatusCode != http.StatusOK {
			t.Errorf("%s (%s) with another If-None-Match: %d, want 200", c.path, c.enc, res.StatusCode)
		}
	}
	before := get("/manifest.json", "", "").Header.Get("ETag")
	fsys["manifest.json"] = &fstest.MapFile{Data: []byte(`{"wasm":"x"}`)}
	after := get("/manifest.json", "", "")
	if tag := after.Header.Get("ETag"); tag == before {
		t.Errorf("manifest.json changed, ETag %s did not", tag)
	}
	if res := get("/manifest.json", "", before); res.StatusCode != http.StatusOK {
		t.Errorf("the old ETag after a change: %d, want 200", res.StatusCode)
	}
}
