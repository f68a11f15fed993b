package assets

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestScriptHandler(t *testing.T) {
	h := ScriptHandler(map[string]string{"/a.js": "let a = 1;", "/b.js": "let b = 2;"})
	get := func(method, path string, header ...string) *httptest.ResponseRecorder {
		r := httptest.NewRequest(method, path, nil)
		for i := 0; i+1 < len(header); i += 2 {
			r.Header.Set(header[i], header[i+1])
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		return w
	}

	w := get("GET", "/a.js")
	if w.Code != 200 || w.Body.String() != "let a = 1;" {
		t.Fatalf("GET /a.js: %d %q", w.Code, w.Body)
	}
	for k, v := range map[string]string{"Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff"} {
		if got := w.Header().Get(k); got != v {
			t.Errorf("%s = %q, want %q", k, got, v)
		}
	}
	etag := w.Header().Get("ETag")
	if !strings.HasPrefix(etag, `"`) || etag == get("GET", "/b.js").Header().Get("ETag") {
		t.Fatalf("ETag %q: want a strong tag that differs per file", etag)
	}
	if w := get("GET", "/a.js", "If-None-Match", etag); w.Code != http.StatusNotModified {
		t.Errorf("conditional GET: %d, want 304", w.Code)
	}
	if w := get("HEAD", "/b.js"); w.Code != 200 || w.Body.Len() != 0 {
		t.Errorf("HEAD: %d with %d bytes", w.Code, w.Body.Len())
	}
	if w := get("POST", "/a.js"); w.Code != http.StatusMethodNotAllowed || w.Header().Get("Allow") != "GET, HEAD" {
		t.Errorf("POST: %d, Allow %q", w.Code, w.Header().Get("Allow"))
	}
	if w := get("GET", "/c.js"); w.Code != 404 || !strings.Contains(w.Body.String(), "/a.js and /b.js") {
		t.Errorf("GET /c.js: %d %q", w.Code, w.Body)
	}
}
