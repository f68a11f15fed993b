package gen

import (
	"path/filepath"

	"github.com/jivokit/jivokit/internal/build/jsbundle"
)

func init() {
	// After the method table (Order 0), which the bundle includes.
	register(Output{Path: "stub/stub.min.js", Order: 10, Generate: stubBundle})
}

// stubBundle is the stub widget, bundled and minified from stub/src.
func stubBundle(root string) ([]byte, error) {
	return jsbundle.Bundle(filepath.Join(root, "stub", "src", "main.js"), jsbundle.Options{})
}
