// Package runtime holds the page runtime: the small script every page that
// uses jivokit loads next to the JivoChat widget. It installs
// window.jivokit, which owns the widget's jivo_on* callbacks and fans each
// out to many listeners, queues jivo_api calls made before the widget has
// loaded and replays them in order, applies the server-rendered
// configuration block (<script type="application/json" id="jivokit-config">,
// see jsapi.PageConfig) on each load, and gives Go (through WebAssembly) and
// plain JavaScript one cheap entry point, jivokit.call. docs/runtime.md is
// its contract.
//
// A page runs Script before the widget's own script. The templ components
// of package templates inline it by default, or load it from Path
// (templates.WithRuntimeURL), where templates.AssetHandler and
// stub.Handler serve it with assets.ScriptHandler (an ETag, revalidation,
// text/javascript). A server of its own serves it the same way:
//
//	mux.Handle(runtime.Path, assets.ScriptHandler(map[string]string{runtime.Path: runtime.Script}))
//
// Script and Loader are built from src/ by `go generate ./...` with
// esbuild (no Node needed) into script_gen.go, as string constants: their
// only committed copy. The package imports nothing, not even embed, so the
// WebAssembly bridge (wasm/jivo), which adds Script to a page that lacks
// it, pays for the script's bytes alone.
package runtime

// Path is the one URL path of the page runtime wherever jivokit serves it
// (templates.AssetHandler, stub.Handler, the demo).
const Path = "/jivokit/runtime.js"

// Script is the minified page runtime, an ES2017 IIFE. Loading it twice on
// one page is harmless: the second copy does nothing.
const Script = runtimeJS

// Loader is the minified loader, an ES2017 IIFE that runs after Script: it
// fetches the widget's script when a loading strategy says so (idle, on
// the first interaction with a launcher, or on jivokit.load()) and follows
// a single-page app's history, settings from its own <script> element's
// data-* attributes (docs/runtime.md). Pages that load the widget eagerly
// and do not track pages leave it out.
const Loader = loaderJS

// Life is the minified life script, an ES2017 IIFE that runs after Script
// (and Loader, when the page has it): jivokit.hide and show with stacking
// reasons and the rules of the configuration block's "life" object (path
// patterns, a viewport width, elements marked data-jivokit-hide), reset
// and switchWidget, the widget's survival of htmx's and Turbo's body
// swaps, and jivokit.state with its change events (docs/runtime.md). Pages
// that use none of these leave it out.
const Life = lifeJS
