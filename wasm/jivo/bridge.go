//go:build js && wasm

package jivo

import (
	"sync"
	"syscall/js"

	"github.com/jivokit/jivokit/jsapi/runtime"
)

// page holds the JavaScript values the bridge uses on every call, looked
// up once.
type page struct {
	jivokit   js.Value // window.jivokit
	json      js.Value // JSON
	promise   js.Value // Promise
	jivoError js.Value // jivokit.JivoError
	fromJS    js.Func  // see fromJS
	// byName: the runtime's method table differs from this bridge's (a
	// runtime of another jivokit version), so calls name their method
	// instead of giving its index, which would call another method.
	byName bool
}

var (
	setupMu  sync.Mutex
	current  *page
	injected bool // the bridge has tried to add the runtime
)

// bridge returns the page's values, adding the page runtime first when the
// page does not have it (a page with only the vendor's plain snippet). It
// tries that once: where a Content-Security-Policy refuses it, later calls
// only look for a runtime the page may have added since.
func bridge() (*page, error) {
	setupMu.Lock()
	p := current
	if p == nil {
		global := js.Global()
		k := global.Get("jivokit")
		if k.Type() != js.TypeObject && !injected {
			injected = true
			installRuntime(global)
			k = global.Get("jivokit")
		}
		if k.Type() == js.TypeObject {
			json := global.Get("JSON")
			// The page's runtime may come from another build.
			table, _ := try(json, "stringify", k.Get("methods"), js.ValueOf([]any{"name"}))
			p = &page{
				jivokit:   k,
				json:      json,
				promise:   global.Get("Promise"),
				jivoError: k.Get("JivoError"),
				fromJS:    js.FuncOf(fromJS),
				byName:    table.String() != methodTable,
			}
			current = p
		}
	}
	setupMu.Unlock()
	if p == nil {
		return nil, ErrNoRuntime
	}
	return p, nil
}

// installRuntime evaluates the page runtime: as an inline script element
// carrying the nonce of the page's scripts where there is a document (so a
// nonce-based Content-Security-Policy allows it), and otherwise, or when
// that was refused, with a global eval. A failure leaves window.jivokit
// undefined.
func installRuntime(global js.Value) {
	defer ignorePanic() // an eval refused by CSP throws
	if doc := global.Get("document"); doc.Type() == js.TypeObject {
		s := doc.Call("createElement", "script")
		if n := doc.Call("querySelector", "script[nonce]"); n.Type() == js.TypeObject {
			s.Set("nonce", n.Get("nonce"))
		}
		s.Set("textContent", runtime.Script)
		doc.Get("documentElement").Call("appendChild", s)
		if !global.Get("jivokit").IsUndefined() {
			return
		}
	}
	global.Call("eval", runtime.Script)
}

// try calls method of v with args. A JavaScript exception is returned as
// its message, reason, instead of a panic; so is syscall/js's panic when v
// is not an object or its method not a function, as "could not be
// called". reason is "" when the method returned.
func try(v js.Value, method string, args ...any) (r js.Value, reason string) {
	defer func() {
		switch x := recover().(type) {
		case nil:
		case js.Error:
			// An Error's message, or what was thrown when not an object.
			v := x.Value
			if v.Type() == js.TypeObject {
				v = v.Get("message")
			}
			if reason = text(v); reason == "" {
				reason = "threw an exception"
			}
		default:
			reason = "could not be called"
		}
	}()
	return v.Call(method, args...), ""
}
