package stub

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/jivokit/jivokit/assets"
	"github.com/jivokit/jivokit/jsapi/runtime"
)

// WeightPath is where Handler serves the extra script a stub with
// Options.ExtraBytes fetches: WeightPath?bytes=N answers N bytes of
// JavaScript that does nothing.
const WeightPath = "/jivokit/stub-weight.js"

// Handler serves the stub widget at Path, the page runtime at RuntimePath,
// the stub's weight at WeightPath, and the vendor's config, status and
// bundle paths the stub's loader requests (ConfigPath, StatusPath,
// BundlePath; under any directory, so a stub served elsewhere finds them
// next to itself); mount it at "/jivokit/":
//
//	mux.Handle("/jivokit/", stub.Handler())
//
// It serves them as package assets serves every file: GET and HEAD with
// Content-Type text/javascript; charset=utf-8, a strong ETag (a matching
// If-None-Match gets 304 Not Modified) and Cache-Control: no-cache, so a
// page always revalidates after a rebuild. The runtime's answer is the one
// templates.AssetHandler gives, byte for byte and header for header.
// Other methods get 405 Method Not Allowed with an Allow header; other
// paths 404. The vendor's paths are answered with Cache-Control: no-store
// (see ConfigPath). The weight is sent uncompressed and not cached, as a first
// visit fetches it; a bytes value that is not a whole number from 0 to
// MaxExtraBytes gets 400 Bad Request.
func Handler() http.Handler { return handler }

var scripts = assets.ScriptHandler(map[string]string{Path: Script, RuntimePath: runtime.Script})

// notFound is the 404 text: every path Handler serves.
const notFound = "not found: this handler serves " + RuntimePath + ", " + Path + " and " + WeightPath + "?bytes=N"

var handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != WeightPath {
		if vendorRoute(w, r) {
			return
		}
		switch r.URL.Path {
		case Path, RuntimePath:
			scripts.ServeHTTP(w, r)
		default:
			http.Error(w, notFound, http.StatusNotFound)
		}
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	n, err := strconv.Atoi(r.URL.Query().Get("bytes"))
	if err != nil || n < 0 || n > MaxExtraBytes {
		http.Error(w, "bytes must be a whole number from 0 to "+strconv.Itoa(MaxExtraBytes), http.StatusBadRequest)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/javascript; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(n))
	h.Set("Cache-Control", "no-store")
	if r.Method == http.MethodHead {
		return
	}
	w.Write([]byte(weight(n)))
})

// weight is n bytes of JavaScript: a comment of varied text, which a
// compressing proxy would not shrink much.
func weight(n int) string {
	if n < 4 {
		return strings.Repeat(" ", n)
	}
	var b strings.Builder
	b.Grow(n)
	b.WriteString("/*")
	x := uint32(2463534242)
	for b.Len() < n-2 {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		b.WriteByte("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-"[x&63])
	}
	b.WriteString("*/")
	return b.String()
}
