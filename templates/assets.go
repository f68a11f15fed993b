package templates

import (
	"net/http"

	"github.com/jivokit/jivokit/internal/lib/jsasset"
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
func AssetHandler() http.Handler { return assetHandler }

var assetHandler = jsasset.Handler(map[string]string{RuntimePath: runtime.Script, WASMExecPath: WASMExecJS})
