package stub

import (
	"io"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/jivokit/jivokit/jsapi/runtime"
)

func TestHandler(t *testing.T) {
	h := Handler()
	etag := func(path string) string {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		return rec.Header().Get("ETag")
	}
	stubETag, runtimeETag := etag(Path), etag(RuntimePath)
	for _, tc := range []struct {
		name, method, path string
		header             map[string]string
		status             int
		body               string // "" for none
		allow              string
	}{
		{name: "GET the stub", method: "GET", path: Path, status: 200, body: Script},
		{name: "GET the runtime", method: "GET", path: RuntimePath, status: 200, body: runtime.Script},
		{name: "HEAD the stub", method: "HEAD", path: Path, status: 200},
		{name: "POST", method: "POST", path: Path, status: 405, allow: "GET, HEAD"},
		{name: "PUT the runtime", method: "PUT", path: RuntimePath, status: 405, allow: "GET, HEAD"},
		{name: "unknown path", method: "GET", path: "/jivokit/other.js", status: 404},
		{name: "matching ETag", method: "GET", path: Path, header: map[string]string{"If-None-Match": stubETag}, status: 304},
		{name: "stale ETag", method: "GET", path: Path, header: map[string]string{"If-None-Match": `"old"`}, status: 200, body: Script},
		{name: "runtime ETag does not match the stub", method: "GET", path: Path, header: map[string]string{"If-None-Match": runtimeETag}, status: 200, body: Script},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req := httptest.NewRequest(tc.method, tc.path, nil)
			for k, v := range tc.header {
				req.Header.Set(k, v)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			res := rec.Result()
			body, _ := io.ReadAll(res.Body)
			if res.StatusCode != tc.status {
				t.Fatalf("status %d, want %d (%s)", res.StatusCode, tc.status, body)
			}
			if got := res.Header.Get("Allow"); got != tc.allow {
				t.Errorf("Allow %q, want %q", got, tc.allow)
			}
			if tc.status != 200 {
				return
			}
			if got := res.Header.Get("Content-Type"); got != "text/javascript; charset=utf-8" {
				t.Errorf("Content-Type %q", got)
			}
			if res.Header.Get("ETag") == "" || !strings.HasPrefix(res.Header.Get("ETag"), `"`) {
				t.Errorf("ETag %q is not a strong entity tag", res.Header.Get("ETag"))
			}
			if got := res.Header.Get("X-Content-Type-Options"); got != "nosniff" {
				t.Errorf("X-Content-Type-Options %q", got)
			}
			if string(body) != tc.body {
				t.Errorf("body is %d bytes, want %d", len(body), len(tc.body))
			}
			if tc.method == "HEAD" && res.Header.Get("Content-Length") != strconv.Itoa(len(Script)) {
				t.Errorf("HEAD Content-Length %q, want %d", res.Header.Get("Content-Length"), len(Script))
			}
		})
	}
}

func TestScriptIsBundled(t *testing.T) {
	for _, want := range []string{"jivokitStub", "jivo_api", "jivo_onLoadCallback", "Custom data must be array.", "jivokit-stub"} {
		if !strings.Contains(Script, want) {
			t.Errorf("Script does not mention %q", want)
		}
	}
	if strings.Contains(Script, "import ") || strings.Contains(Script, "export ") {
		t.Error("Script still has module syntax: it is not bundled")
	}
	for i := 0; i < len(Script); i++ {
		if Script[i] >= 0x80 {
			t.Fatalf("Script has a non-ASCII byte at %d: a page that loads it without a charset would garble it", i)
		}
	}
	if strings.Contains(Script, "innerHTML") {
		t.Error("Script uses innerHTML; the stub writes data as text only")
	}
}

func TestHandlerWeight(t *testing.T) {
	h := Handler()
	for _, tc := range []struct {
		target string
		code   int
		n      int
	}{
		{WeightPath + "?bytes=1000", 200, 1000},
		{WeightPath + "?bytes=0", 200, 0},
		{WeightPath + "?bytes=3", 200, 3},
		{WeightPath + "?bytes=-1", 400, -1},
		{WeightPath + "?bytes=x", 400, -1},
		{WeightPath, 400, -1},
	} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", tc.target, nil))
		if rec.Code != tc.code || (tc.n >= 0 && rec.Body.Len() != tc.n) {
			t.Errorf("%s: %d, %d bytes; want %d, %d bytes", tc.target, rec.Code, rec.Body.Len(), tc.code, tc.n)
		}
		if tc.n > 4 && (!strings.HasPrefix(rec.Body.String(), "/*") || !strings.HasSuffix(rec.Body.String(), "*/")) {
			t.Errorf("%s: not a comment: %.20q", tc.target, rec.Body.String())
		}
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("POST", WeightPath+"?bytes=1", nil))
	if rec.Code != 405 || rec.Header().Get("Allow") == "" {
		t.Errorf("POST: %d, Allow %q", rec.Code, rec.Header().Get("Allow"))
	}
}
