//go:build js && wasm

package jivo

import (
	"syscall/js"
)

// loadError is the *LoadError of method m (m < 0: Ready, Load) for the
// runtime's failure object f ({reason, detail}).
func loadError(m int, f js.Value) *LoadError {
	e := &LoadError{Reason: text(f.Get("reason")), Detail: text(f.Get("detail"))}
	if m >= 0 {
		e.Method = methodNames[m]
	}
	return e
}

// failed returns the page's failure as the error of method m, or nil
// while the widget has not failed to load (or has loaded since).
func failed(p *page, m int) error {
	if p.jivokit.Get("loaded").Bool() {
		return nil
	}
	if f := p.jivokit.Get("failure"); f.Type() == js.TypeObject {
		return loadError(m, f)
	}
	return nil
}

// watchFailure makes the window's jivokit:failure event wake Ready's
// waiters, once per page; ready's lock is held.
func watchFailure(p *page) {
	if ready.watching {
		return
	}
	ready.watching = true
	if add := js.Global().Get("addEventListener"); add.Type() == js.TypeFunction {
		add.Invoke("jivokit:failure", p.fromJS.Call("bind", nil, readyIndex))
	}
}

// OnLoadFailed subscribes fn to the widget's failure to load: the page
// runtime's loader fires the window's jivokit:failure event when the
// widget's script fails, the page's policy refuses it or it has not loaded
// within the timeout. fn runs on a goroutine of its own, with the
// *LoadError (its Method is ""). A widget that loads after all calls
// jivo_onLoadCallback as ever (OnLoad). The returned function
// unsubscribes.
func OnLoadFailed(fn func(*LoadError)) (unsubscribe func()) {
	add := js.Global().Get("addEventListener")
	if fn == nil || add.Type() != js.TypeFunction {
		return nop
	}
	f := js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) == 1 && args[0].Type() == js.TypeObject {
			if d := args[0].Get("detail"); d.Type() == js.TypeObject {
				go fn(loadError(-1, d))
			}
		}
		return nil
	})
	add.Invoke("jivokit:failure", f)
	var done bool
	return func() {
		if !done {
			done = true
			js.Global().Call("removeEventListener", "jivokit:failure", f)
			f.Release()
		}
	}
}
