package gen

import (
	"path/filepath"

	"github.com/jivokit/jivokit/internal/build/jsbundle"
)

func init() {
	register(Output{Path: "templates/wasm_loader.min.js", Order: 0, Generate: wasmLoaderBundle})
}

// wasmLoaderBundle is the inline script of the templates package's WASM
// app loader, minified from its source.
func wasmLoaderBundle(root string) ([]byte, error) {
	return jsbundle.Bundle(filepath.Join(root, "templates", "src", "wasm_loader.js"), jsbundle.Options{})
}
