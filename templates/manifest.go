package templates

import (
	"fmt"
	"io/fs"
	"net/url"
	"strings"

	"github.com/jivokit/jivokit/assets"
)

// WASMAppFromManifest returns the loader of the app `jivokit build` wrote
// (the manifest assets.ReadManifest reads), its files served under the URL
// prefix: a path such as "/app/" or an http(s) URL such as
// "https://cdn.example.com/app/"; a missing trailing slash is added.
//
//	m, err := assets.ReadManifest(os.DirFS("dist"))
//	mux.Handle("/app/", http.StripPrefix("/app/", assets.Handler(os.DirFS("dist"))))
//	app, err := templates.WASMAppFromManifest("/app/", m)
//
// RuntimeURL is left empty (the runtime is inlined); set it on the result
// to load the runtime from AssetHandler instead. The error wraps ErrURL
// for a prefix that is empty or has a query or fragment, and
// assets.ErrBadManifest for a manifest without the .wasm or wasm_exec.js
// file name.
func WASMAppFromManifest(prefix string, m assets.Manifest) (WASMApp, error) {
	if prefix == "" {
		return WASMApp{}, fmt.Errorf("%w: the prefix is empty (want the URL path the build directory is served under, e.g. /app/)", ErrURL)
	}
	if strings.ContainsAny(prefix, "?#") {
		return WASMApp{}, fmt.Errorf("%w: the prefix %s has a query or fragment; the file names are appended to it", ErrURL, quote(prefix))
	}
	if !strings.HasSuffix(prefix, "/") {
		prefix += "/"
	}
	for _, f := range []struct{ key, name string }{{"wasm", m.WASM}, {"wasm_exec", m.WASMExec}} {
		if f.name == "" {
			return WASMApp{}, fmt.Errorf("%w: %q is missing (build the app with `jivokit build -o DIR PACKAGE`)", assets.ErrBadManifest, f.key)
		}
		if strings.ContainsAny(f.name, `/\`) || !fs.ValidPath(f.name) {
			return WASMApp{}, fmt.Errorf("%w: %q is %s, not a file name", assets.ErrBadManifest, f.key, quote(f.name))
		}
	}
	a := WASMApp{WASMURL: prefix + url.PathEscape(m.WASM), ExecURL: prefix + url.PathEscape(m.WASMExec)}
	if err := a.Validate(); err != nil {
		return WASMApp{}, err
	}
	return a, nil
}
