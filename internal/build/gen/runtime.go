package gen

import (
	"path/filepath"

	"github.com/jivokit/jivokit/internal/build/jsbundle"
)

func init() {
	// After the method table (Order 0), which the bundle includes.
	register(Output{Path: "jsapi/runtime/runtime.min.js", Order: 10, Generate: runtimeBundle})
}

// runtimeBundle is the page runtime, bundled and minified from its sources.
func runtimeBundle(root string) ([]byte, error) {
	return jsbundle.Bundle(filepath.Join(root, "jsapi", "runtime", "src", "index.js"), jsbundle.Options{})
}
