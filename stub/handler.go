package stub

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strings"
	"time"

	"github.com/jivokit/jivokit/jsapi/runtime"
)

type script struct {
	body string
	etag string
}

func newScript(body string) script {
	sum := sha256.Sum256([]byte(body))
	return script{body: body, etag: `"` + hex.EncodeToString(sum[:12]) + `"`}
}

var (
	stubScript    = newScript(Script)
	runtimeScript = newScript(runtime.Script)
)

// Handler serves the stub widget at Path and the page runtime at
// RuntimePath; mount it at both, or at "/jivokit/":
//
//	mux.Handle("/jivokit/", stub.Handler())
//
// It answers GET and HEAD with Content-Type text/javascript; charset=utf-8,
// a strong ETag (a matching If-None-Match gets 304 Not Modified) and
// Cache-Control: no-cache, so a page always revalidates after a rebuild.
// Other methods get 405 Method Not Allowed with an Allow header; other
// paths 404.
func Handler() http.Handler {
	return http.HandlerFunc(serve)
}

func serve(w http.ResponseWriter, r *http.Request) {
	var s script
	switch r.URL.Path {
	case Path:
		s = stubScript
	case RuntimePath:
		s = runtimeScript
	default:
		http.Error(w, "not found: the stub serves "+Path+" and "+RuntimePath, http.StatusNotFound)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed: use GET or HEAD", http.StatusMethodNotAllowed)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/javascript; charset=utf-8")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "no-cache")
	h.Set("ETag", s.etag)
	http.ServeContent(w, r, "", time.Time{}, strings.NewReader(s.body))
}
