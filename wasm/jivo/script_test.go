//go:build !(js && wasm)

package jivo

import (
	"testing"

	"github.com/jivokit/jivokit/jsapi/runtime"
)

// TestRuntimeScript: the bridge's copy of the page runtime is the one
// package jsapi/runtime serves.
func TestRuntimeScript(t *testing.T) {
	if runtimeScript != runtime.Script {
		t.Error("runtimeScript differs from jsapi/runtime.Script; run go generate ./...")
	}
}
