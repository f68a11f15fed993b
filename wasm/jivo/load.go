//go:build js && wasm

package jivo

import (
	"context"
	"syscall/js"
)

// Load starts loading the widget now, whatever the page's loading strategy
// (it is what jivokit.load() does in JavaScript: a consent banner's
// accept, a launcher's click), and waits until it has loaded, as Ready
// does: it returns at once when the widget is loaded, and when ctx ends
// first an error that wraps ErrNotLoaded and ctx.Err(). When the page
// runtime's loader decides the widget failed to load (its script failed,
// the page's policy refused it, or the timeout passed), Load returns that
// *LoadError at once (errors.Is(err, ErrLoadFailed)) instead of waiting
// for ctx. Under the eager strategy the widget is loading already and Load
// only waits.
//
// Call it from a goroutine, never directly in a js.FuncOf callback.
func Load(ctx context.Context) error {
	p, err := bridge()
	if err != nil {
		return err
	}
	// A runtime of an older jivokit has no load: its widget is eager.
	if p.jivokit.Get("load").Type() == js.TypeFunction {
		try(p.jivokit, "load")
	}
	return Ready(ctx)
}

// CurrentPhase returns the widget's phase on the page. With a runtime of
// an older jivokit, which does not tell, it is PhaseLoaded or
// PhaseLoading.
func CurrentPhase() (Phase, error) {
	p, err := bridge()
	if err != nil {
		return 0, err
	}
	if v := p.jivokit.Get("phase"); v.Type() == js.TypeString {
		s := v.String()
		for i, name := range phaseNames {
			if s == name {
				return Phase(i + 1), nil
			}
		}
	}
	if p.jivokit.Get("loaded").Bool() {
		return PhaseLoaded, nil
	}
	return PhaseLoading, nil
}
