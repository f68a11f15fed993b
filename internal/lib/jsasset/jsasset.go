// Package jsasset serves JavaScript files embedded in the binary: the page
// runtime, the stub widget and wasm_exec.js.
package jsasset

import (
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"slices"
	"strings"
	"time"
)

type file struct{ body, etag string }

// Handler serves each script of files (URL path to JavaScript source). It
// answers GET and HEAD with Content-Type text/javascript; charset=utf-8, a
// strong ETag (a matching If-None-Match gets 304 Not Modified) and
// Cache-Control: no-cache, so a page revalidates after a rebuild. Other
// methods get 405 with an Allow header; other paths 404, naming the paths it
// serves.
func Handler(files map[string]string) http.Handler {
	served := make(map[string]file, len(files))
	paths := make([]string, 0, len(files))
	for path, body := range files {
		sum := sha256.Sum256([]byte(body))
		served[path] = file{body: body, etag: `"` + base64.RawURLEncoding.EncodeToString(sum[:12]) + `"`}
		paths = append(paths, path)
	}
	slices.Sort(paths)
	notFound := "not found: this handler serves " + strings.Join(paths, " and ")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f, ok := served[r.URL.Path]
		if !ok {
			http.Error(w, notFound, http.StatusNotFound)
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
		h.Set("ETag", f.etag)
		http.ServeContent(w, r, "", time.Time{}, strings.NewReader(f.body))
	})
}
