//go:build js && wasm

package jivo

// notLoadedError is ErrNotLoaded for one method (or for Ready, with no
// method), with the reason the wait ended.
type notLoadedError struct {
	method string
	errs   []error // ErrNotLoaded, then the reason
}

func (e *notLoadedError) Error() string {
	s := "jivo: "
	if e.method != "" {
		s += e.method + ": "
	}
	return s + "widget did not load: " + e.errs[1].Error()
}

func (e *notLoadedError) Unwrap() []error { return e.errs }

// ignorePanic, deferred, stops a panic.
func ignorePanic() { _ = recover() }
