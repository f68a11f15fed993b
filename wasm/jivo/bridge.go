//go:build js && wasm

package jivo

import (
	"sync"
	"sync/atomic"
	"syscall/js"

	"github.com/jivokit/jivokit/jsapi/runtime"
)

// page holds the JavaScript values the bridge uses on every call, looked
// up once.
type page struct {
	jivokit   js.Value // window.jivokit
	call      js.Value // jivokit.call, bound to jivokit
	on        js.Value // jivokit.on, bound to jivokit
	parse     js.Value // JSON.parse
	promise   js.Value // Promise
	jivoError js.Value // jivokit.JivoError
	settle    js.Func  // settle(id, value): a pending promise's answer
}

var (
	current atomic.Pointer[page]
	setupMu sync.Mutex
)

// bridge returns the page's values, adding the page runtime first when the
// page does not have it (a page with only the vendor's plain snippet).
func bridge() (*page, error) {
	if p := current.Load(); p != nil {
		return p, nil
	}
	setupMu.Lock()
	defer setupMu.Unlock()
	if p := current.Load(); p != nil {
		return p, nil
	}
	global := js.Global()
	k := global.Get("jivokit")
	if k.IsUndefined() {
		installRuntime(global)
		if k = global.Get("jivokit"); k.IsUndefined() {
			return nil, ErrNoRuntime
		}
	}
	p := &page{
		jivokit:   k,
		call:      k.Get("call").Call("bind", k),
		on:        k.Get("on").Call("bind", k),
		parse:     global.Get("JSON").Get("parse"),
		promise:   global.Get("Promise"),
		jivoError: k.Get("JivoError"),
		settle:    js.FuncOf(settle),
	}
	current.Store(p)
	return p, nil
}

// installRuntime evaluates the page runtime: as an inline script element
// carrying the nonce of the page's scripts where there is a document (so a
// nonce-based Content-Security-Policy allows it), and otherwise, or when
// that was refused, with a global eval. A failure leaves window.jivokit
// undefined.
func installRuntime(global js.Value) {
	defer func() { _ = recover() }() // an eval refused by CSP throws
	if doc := global.Get("document"); doc.Truthy() {
		s := doc.Call("createElement", "script")
		if n := doc.Call("querySelector", "script[nonce]"); n.Truthy() {
			s.Set("nonce", n.Get("nonce"))
		}
		s.Set("textContent", runtime.Script)
		parent := doc.Get("head")
		if !parent.Truthy() {
			parent = doc.Get("documentElement")
		}
		parent.Call("appendChild", s)
		if !global.Get("jivokit").IsUndefined() {
			return
		}
	}
	global.Call("eval", runtime.Script)
}
