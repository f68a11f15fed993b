// Package loadfail tests the Go/WASM bridge on a page whose widget fails
// to load: the page runtime and its loader (with a small fake document)
// under the consent strategy, a short load timeout, and a widget that
// loads only after the loader gave up. It is its own test binary, so the
// page starts fresh.
package loadfail
