//go:build js && wasm

package jivo

import (
	"context"
	"sync"
	"syscall/js"
)

// readyIndex is fromJS's first argument when the runtime's ready promise
// resolves: the index after the callbacks'.
const readyIndex = numCallbacks

// ready fans the page runtime's ready promise out to Go's waiters: while
// the widget is not loaded, the first Ready asks the runtime for one
// promise, and every Ready until it resolves waits on the same channel, so
// that a loop of Ready calls on a page without a widget (an ad blocker)
// adds nothing on the JavaScript side.
var ready struct {
	sync.Mutex
	ch       chan js.Value // closed when the promise resolves; nil when none is asked for
	watching bool          // the window's jivokit:failure event wakes the waiters too
}

// Ready waits until the widget has loaded (jivo_onLoadCallback), and
// returns at once when it already has. When ctx ends first it returns an
// error that wraps both ErrNotLoaded and ctx.Err(), such as
// "jivo: widget did not load: context deadline exceeded". When the page
// runtime's loader decides the widget failed to load (or had decided so
// before), it returns that *LoadError (errors.Is(err, ErrLoadFailed))
// without waiting for ctx.
//
// Calls need not wait for Ready: a call made before the widget has loaded
// is queued by the page runtime and answered once it has.
//
// Call it from a goroutine, never directly in a js.FuncOf callback: the
// wait cannot end there (see the package documentation).
func Ready(ctx context.Context) error {
	p, err := bridge()
	if err != nil {
		return err
	}
	if p.jivokit.Get("loaded").Bool() {
		return nil
	}
	if err := failed(p, -1); err != nil {
		return err
	}
	ready.Lock()
	ch := ready.ch
	if ch == nil {
		ch = make(chan js.Value)
		ready.ch = ch
		p.jivokit.Call("ready").Call("then", p.fromJS.Call("bind", nil, readyIndex))
		watchFailure(p)
	}
	ready.Unlock()
	if _, err = await(ctx, p, -1, ch); err != nil {
		return err
	}
	// Woken by the load, or by the loader's failure event.
	return failed(p, -1)
}
