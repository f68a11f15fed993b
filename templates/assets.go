package templates

import (
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"strings"
	"time"

	"github.com/jivokit/jivokit/jsapi/runtime"
)

// The paths AssetHandler serves.
const (
	RuntimePath  = "/jivokit/runtime.js"
	WASMExecPath = "/jivokit/wasm_exec.js"
)

// AssetHandler serves the page runtime at RuntimePath and WASMExecJS at
// WASMExecPath, as text/javascript with an ETag (conditional requests get
// 304), and 404 for any other path. Mount it at both paths, or at
// "/jivokit/" when nothing else lives there (the stub widget's stub.Handler
// serves stub.Path):
//
//	mux.Handle(templates.RuntimePath, templates.AssetHandler())
//	mux.Handle(templates.WASMExecPath, templates.AssetHandler())
func AssetHandler() http.Handler {
	assets := map[string]asset{
		RuntimePath:  newAsset(runtime.Script),
		WASMExecPath: newAsset(WASMExecJS),
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		a, ok := assets[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		h := w.Header()
		h.Set("Content-Type", "text/javascript; charset=utf-8")
		h.Set("Cache-Control", "no-cache")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("ETag", a.etag)
		http.ServeContent(w, r, "", time.Time{}, strings.NewReader(a.body))
	})
}

type asset struct{ body, etag string }

func newAsset(body string) asset {
	sum := sha256.Sum256([]byte(body))
	return asset{body: body, etag: `"` + base64.RawURLEncoding.EncodeToString(sum[:12]) + `"`}
}
