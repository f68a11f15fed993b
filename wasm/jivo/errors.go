package jivo

import "errors"

var (
	// ErrUnsupported is what every call returns outside a browser: the
	// bridge works only in a program built with GOOS=js GOARCH=wasm.
	ErrUnsupported = errors.New("jivo: not supported on this platform: the widget bridge needs GOOS=js GOARCH=wasm")

	// ErrNotLoaded is wrapped by the error of Ready, and of a call queued
	// before load, when ctx ends before the widget has loaded: there is no
	// widget on the page (an ad blocker, a wrong widget id) or it is slow.
	// The same error also wraps ctx.Err().
	ErrNotLoaded = errors.New("jivo: widget did not load")

	// ErrNoRuntime: the page runtime is not on the page and the bridge could
	// not add it (for instance a Content-Security-Policy forbids inline
	// scripts and eval). Serve it as /jivokit/runtime.js instead.
	ErrNoRuntime = errors.New("jivo: the jivokit page runtime is not on the page and could not be added")
)

// PanicError is a panic recovered from a listener, as SetErrorHandler's
// handler receives it.
type PanicError struct {
	Callback string // the jivo_on* callback whose listener panicked
	Value    any    // the value passed to panic
	Stack    []byte // the listener goroutine's stack at the panic
}

// Error describes the panic value without package fmt. It does not call
// String methods: an interface call to String would keep every String
// method of the program (time's formatting among them) in the binary.
func (e *PanicError) Error() string {
	s := "a value that is neither an error nor a string"
	switch v := e.Value.(type) {
	case error:
		s = v.Error()
	case string:
		s = v
	}
	return "jivo: listener of " + e.Callback + " panicked: " + s
}

// Unwrap returns the panic value when it is an error.
func (e *PanicError) Unwrap() error {
	err, _ := e.Value.(error)
	return err
}
