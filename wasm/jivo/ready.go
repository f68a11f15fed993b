//go:build js && wasm

package jivo

import "context"

// Ready waits until the widget has loaded (jivo_onLoadCallback), and
// returns at once when it already has. When ctx ends first it returns an
// error that wraps both ErrNotLoaded and ctx.Err(), such as
// "jivo: widget did not load: context deadline exceeded".
//
// Calls need not wait for Ready: a call made before the widget has loaded
// is queued by the page runtime and answered once it has.
func Ready(ctx context.Context) error {
	p, err := bridge()
	if err != nil {
		return err
	}
	if p.jivokit.Get("loaded").Bool() {
		return nil
	}
	_, err = wait(ctx, p, -1, p.jivokit.Call("ready"))
	return err
}
