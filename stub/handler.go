package stub

import (
	"net/http"

	"github.com/jivokit/jivokit/internal/jsasset"
)

// Handler serves the stub widget at Path and the page runtime at
// RuntimePath; mount it at both, or at "/jivokit/":
//
//	mux.Handle("/jivokit/", stub.Handler())
//
// It serves them as package assets serves every file: GET and HEAD with
// Content-Type text/javascript; charset=utf-8, a strong ETag (a matching
// If-None-Match gets 304 Not Modified) and Cache-Control: no-cache, so a
// page always revalidates after a rebuild. The runtime's answer is the one
// templates.AssetHandler gives, byte for byte and header for header.
// Other methods get 405 Method Not Allowed with an Allow header; other
// paths 404.
func Handler() http.Handler { return handler }

var handler = jsasset.Handler(map[string]string{Path: Script})
