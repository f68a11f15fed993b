// Package fakewidget is a fake JivoChat widget for the Go/WASM bridge's
// tests and measurements under Node: a window.jivo_api that answers as the
// reference says and records every call with its arguments exactly as the
// widget receives them, and helpers to add the page runtime, load the widget
// and fire its callbacks.
package fakewidget
