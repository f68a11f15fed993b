package stub

import "github.com/jivokit/jivokit/jsapi/runtime"

// Script is the minified stub widget, an ES2017 IIFE built from src/ by
// `go generate ./...` (into script_gen.go). Loading it twice on one page is
// harmless: the second copy does nothing.
const Script = stubJS

// Path is where pages load the stub from, in place of the vendor's
// //code.jivosite.com/widget/ID.
const Path = "/jivokit/stub.js"

// RuntimePath is where Handler serves the page runtime (runtime.Script).
const RuntimePath = runtime.Path
