//go:build !(js && wasm)

package jivo

import "context"

// Ready waits until the widget has loaded. On this platform it returns
// ErrUnsupported.
func Ready(ctx context.Context) error { return ErrUnsupported }

// setErrorHandler does nothing: on this platform there is nothing to report.
func setErrorHandler(func(error)) {}
