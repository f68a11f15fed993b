package gen

import (
	"path/filepath"

	"github.com/jivokit/jivokit/internal/build/jsbundle"
)

func init() {
	register(Output{Path: "jsapi/runtime/loader.min.js", Order: 10, Generate: loaderBundle})
}

// loaderBundle is the page runtime's loader (loading strategies and
// single-page-app tracking), bundled and minified from its source.
func loaderBundle(root string) ([]byte, error) {
	return jsbundle.Bundle(filepath.Join(root, "jsapi", "runtime", "src", "loader.js"), jsbundle.Options{})
}
