package jivo

import "sync/atomic"

var errorHandler atomic.Pointer[func(error)]

// SetErrorHandler installs h to receive what the bridge recovers and cannot
// return to a caller: a *PanicError from a listener, or a subscription that
// could not be made. Each is also logged with console.error; h runs after
// that, on the listener's goroutine, and a panic in h is ignored. A nil h
// removes the handler.
func SetErrorHandler(h func(error)) {
	if h == nil {
		errorHandler.Store(nil)
		return
	}
	errorHandler.Store(&h)
}

// ignorePanic, deferred, stops a panic.
func ignorePanic() { _ = recover() }
