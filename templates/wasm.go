package templates

import (
	"context"
	_ "embed"
	"errors"
	"io"

	"github.com/a-h/templ"
)

// WASMExecJS is lib/wasm/wasm_exec.js of Go 1.26, the JavaScript half of
// Go's js/wasm port: a copy committed with this package (its first line
// names the release), not the file of the toolchain that builds your
// program. It fits apps built by Go 1.26 only; the functions it gives a
// module differ between releases, and with an app of another release the
// loader shows that wasm_exec.js does not match instead of running it.
// Serve the $(go env GOROOT)/lib/wasm/wasm_exec.js of the Go that builds
// your app, or build with `jivokit build`, which writes that file next to
// the app and names it in the manifest (WASMAppFromManifest uses it).
// AssetHandler serves this copy at WASMExecPath.
//
//go:embed wasm_exec.js
var WASMExecJS string

// wasmLoaderJS is the loader's inline script, wasmLoaderSource, which
// `go generate ./...` minifies from src/wasm_loader.js into
// wasm_loader_gen.go.
var wasmLoaderJS = newInline(wasmLoaderSource)

// WASMApp is a component that starts a Go program compiled to WebAssembly
// (GOOS=js GOARCH=wasm): a preload hint for the .wasm file, the page
// runtime unless the page already has it, wasm_exec.js loading
// asynchronously, and an inline script that starts the module's download
// and compilation at once (streaming, compiling while the bytes arrive,
// when the server sends Content-Type application/wasm), instantiates it as
// soon as wasm_exec.js has loaded, and runs it. Render it early in the
// document (in <head>): the program may start before the rest of the page
// is parsed. When the browser cannot run it (no WebAssembly, the fetch
// fails, wasm_exec.js does not load or belongs to another Go release, the
// module does not instantiate), the script logs with console.error and
// shows the reason on the page in a <p role="alert"
// class="jivokit-wasm-error"> at the loader's place.
//
// Every script carries the CSP nonce of templ.WithNonce; the site's policy
// needs 'wasm-unsafe-eval' (WASMPolicy).
type WASMApp struct {
	// WASMURL is the app's .wasm file, a path on the site or an http(s)
	// URL. Required.
	WASMURL string
	// ExecURL is where the site serves WASMExecJS; WASMExecPath when
	// empty.
	ExecURL string
	// RuntimeURL loads the page runtime from this URL (RuntimePath with
	// AssetHandler); the runtime is inlined when empty.
	RuntimeURL string
}

// Validate checks the URLs; the error wraps ErrURL.
func (a WASMApp) Validate() error {
	errs := []error{validateURL("WASM URL", a.WASMURL)}
	if a.ExecURL != "" {
		errs = append(errs, validateURL("wasm_exec.js URL", a.ExecURL))
	}
	if a.RuntimeURL != "" {
		errs = append(errs, validateURL("runtime URL", a.RuntimeURL))
	}
	return errors.Join(errs...)
}

// Render writes the loader. It writes nothing and returns the error of
// Validate when a URL is invalid.
func (a WASMApp) Render(ctx context.Context, w io.Writer) error {
	if err := a.Validate(); err != nil {
		return err
	}
	if a.ExecURL == "" {
		a.ExecURL = WASMExecPath
	}
	return wasmApp(a).Render(ctx, w)
}

var _ templ.Component = WASMApp{}

// wasmLoader renders the loader's inline script, which reads the module's
// URL from its own data-wasm attribute: the URL is data, never code.
func wasmLoader(wasmURL string) templ.Component {
	return templ.ComponentFunc(func(ctx context.Context, w io.Writer) error {
		if wasmLoaderJS.err != nil {
			return wasmLoaderJS.err
		}
		return writeScript(ctx, w, ` data-wasm="`+templ.EscapeString(wasmURL)+`"`, wasmLoaderJS.js)
	})
}
