package stub

import (
	"net/http"

	"github.com/jivokit/jivokit/internal/lib/jsasset"
	"github.com/jivokit/jivokit/jsapi/runtime"
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
func Handler() http.Handler { return handler }

var handler = jsasset.Handler(map[string]string{Path: Script, RuntimePath: runtime.Script})
