package stub

import (
	_ "embed"

	"github.com/jivokit/jivokit/internal/lib/jsasset"
)

// Script is the minified stub widget, an ES2017 IIFE built from src/ by
// `go generate ./...`. Loading it twice on one page is harmless: the second
// copy does nothing.
//
//go:embed stub.min.js
var Script string

// Path is where pages load the stub from, in place of the vendor's
// //code.jivosite.com/widget/ID.
const Path = "/jivokit/stub.js"

// RuntimePath is where Handler serves the page runtime (runtime.Script).
const RuntimePath = jsasset.RuntimePath
