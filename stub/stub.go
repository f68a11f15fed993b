package stub

import (
	"strings"

	"github.com/jivokit/jivokit/jsapi/runtime"
)

// Script is the minified stub widget, an ES2017 IIFE built from src/ by
// `go generate ./...` (into script_gen.go). Loading it twice on one page is
// harmless: the second copy does nothing.
const Script = stubJS

// StaticScript is Script for a site that serves only this one file (what
// `jivokit snippet -print-stub` writes): no Handler answers the vendor's
// config, status and bundle paths next to it, so the stub makes them in
// the page, with the same steps and timing (Options.InPage does the same
// for Script).
var StaticScript = strings.Replace(Script, buildModeHandler, buildModeInPage, 1)

const (
	buildModeHandler = "jivokit-stub-mode:handler"
	buildModeInPage  = "jivokit-stub-mode:in-page"
)

// Path is where pages load the stub from, in place of the vendor's
// //code.jivosite.com/widget/ID.
const Path = "/jivokit/stub.js"

// RuntimePath is where Handler serves the page runtime (runtime.Script).
const RuntimePath = runtime.Path
