package templates

import (
	"net/http"

	"github.com/jivokit/jivokit/assets"
	"github.com/jivokit/jivokit/jsapi/runtime"
)

// The paths AssetHandler serves.
const (
	RuntimePath  = runtime.Path // also stub.RuntimePath
	WASMExecPath = "/jivokit/wasm_exec.js"
)

// AssetHandler serves the page runtime at RuntimePath and WASMExecJS at
// WASMExecPath, and 404 for any other path. It serves them as package
// assets serves every file: text/javascript, a strong ETag (a matching
// If-None-Match gets 304 Not Modified) and Cache-Control: no-cache, the
// rule for names without a content hash; the runtime's answer is the one
// stub.Handler gives. An app built by `jivokit build` has its own
// wasm_exec.js under a hashed name, served immutable by assets.Handler. Mount it at both paths, or at
// "/jivokit/" when nothing else lives there (the stub widget's stub.Handler
// serves stub.Path):
//
//	mux.Handle(templates.RuntimePath, templates.AssetHandler())
//	mux.Handle(templates.WASMExecPath, templates.AssetHandler())
func AssetHandler() http.Handler { return assetHandler }

var assetHandler = assets.ScriptHandler(map[string]string{RuntimePath: runtime.Script, WASMExecPath: WASMExecJS})
