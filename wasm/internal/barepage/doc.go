// Package barepage tests the Go/WASM bridge on a page that starts bare: no
// page runtime (only the vendor's plain snippet) and, at first, no widget
// (blocked by an ad blocker, or a wrong widget id), under a nonce-based
// Content-Security-Policy that a small fake document enforces. It is its
// own test binary, so the page really starts empty.
package barepage
