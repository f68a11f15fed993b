// Package cspblocked tests the Go/WASM bridge on a page whose
// Content-Security-Policy refuses both ways the bridge adds the page
// runtime (an inline script and eval), until the page adds it itself. It is
// its own test binary, so the page really starts without a runtime.
package cspblocked
