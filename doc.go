// Package jivokit is a Go toolkit for the JivoChat developer API: the widget
// JavaScript API as typed Go (package jsapi, and wasm/jivo for Go compiled to
// WebAssembly), templ components that embed the widget safely (templates),
// signed visitor tokens (usertoken), a stub widget and a headless-browser
// test harness (stub, e2e), and typed webhooks (webhook).
//
// See README.md for a quick start and docs/ for the reference.
package jivokit

//go:generate go run ./internal/build/gen/run
