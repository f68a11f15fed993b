//go:build js && wasm

package jivo

import (
	"context"
	"sync"
	"syscall/js"

	"github.com/jivokit/jivokit/jsapi"
)

// strict is SetStrict's mode; like errorHandler it is one word, read and
// written without a lock.
var strict bool

func setStrict(on bool) { strict = on }

// call calls method m through jivokit.call with the arguments a (nil for
// none) and returns its answer: a value for value methods, true for the
// others. It waits for a pending answer until ctx ends.
//
// jivokit.call answers true (the common case, which costs no call into
// JavaScript to decode), a value, a JivoError, or a Promise of one of
// these.
func call(ctx context.Context, m int, a *args) (js.Value, error) {
	if a == nil {
		a = newArgs(m, nil)
	}
	if a.err != nil {
		if jsapi.Refusal(a.err, strict) != nil {
			return js.Value{}, a.err
		}
		advise(a.err) // jivokit's advice: reported, and the call goes on
	}
	if err := ctx.Err(); err != nil {
		return js.Value{}, err
	}
	p, err := bridge()
	if err != nil {
		return js.Value{}, err
	}
	if p.byName {
		a.vals[0] = methodNames[m]
	}
	if a.json != nil {
		// The bridge writes valid JSON: only the caller's rules can fail.
		v, reason := try(p.json, "parse", string(a.json))
		if reason != "" {
			return js.Value{}, &jsapi.InputError{Field: "rules", Problem: "is not valid JSON: " + reason}
		}
		a.vals = append(a.vals, v)
	}
	r, reason := try(p.jivokit, "call", a.vals...)
	failed := reason != ""
	if !failed && r.Type() == js.TypeObject {
		if r.InstanceOf(p.promise) {
			if r, err = wait(ctx, p, m, r); err != nil {
				return js.Value{}, err
			}
		}
		if r.Type() == js.TypeObject && r.InstanceOf(p.jivoError) {
			// Refused because the widget failed to load.
			if f := r.Get("failure"); f.Type() == js.TypeObject {
				return js.Value{}, loadError(m, f)
			}
			reason, failed = text(r.Get("reason")), true
		}
	}
	if !failed && trueOnly>>m&1 != 0 && !r.Equal(jsTrue) {
		// Not the runtime's true for success: say what came.
		reason, failed = answered(r.Type()), true
	}
	if failed {
		// A failure answer without a reason has the spec's reason for it
		// already (isCallbackEnabled's "Callback unavaiable", setUserToken's
		// refused token): the runtime's JivoError carries it.
		return js.Value{}, widgetError(m, reason)
	}
	return r, nil
}

// answered is the reason of an answer of an unexpected type.
func answered(t js.Type) string { return "answered a value of type " + typeNames[t&7] }

// typeNames are js.Type's String values, looked up in a table rather than
// with String, which each call site would inline.
var typeNames = [8]string{"undefined", "null", "boolean", "number", "string", "symbol", "object", "function"}

// widgetError is the *jsapi.WidgetError of method m.
//
//go:noinline
func widgetError(m int, reason string) error {
	return &jsapi.WidgetError{Method: methodNames[m], Reason: reason}
}

// jsTrue is the runtime's answer for success.
var jsTrue = js.ValueOf(true)

// pending are the promises being waited for. fromJS delivers an answer to
// its waiter; a waiter that gave up has removed itself, so a late answer
// is dropped and nothing leaks on either side.
var pending struct {
	sync.Mutex
	next    int
	waiters []waiter
}

type waiter struct {
	id int
	ch chan js.Value
}

// wait waits for method m's promise r (which resolves, never rejects)
// until ctx ends; then it withdraws the call from the runtime's queue.
func wait(ctx context.Context, p *page, m int, r js.Value) (js.Value, error) {
	ch := make(chan js.Value, 1)
	pending.Lock()
	pending.next++
	id := pending.next
	pending.waiters = append(pending.waiters, waiter{id, ch})
	pending.Unlock()

	r.Call("then", p.fromJS.Call("bind", nil, -id))
	v, err := await(ctx, p, m, ch)
	if err != nil {
		take(id)
		// A call still in the runtime's queue is taken out, so that it
		// never reaches the widget; one handed to it already (or an async
		// method's answer) is not affected. An older runtime's promise has
		// no withdraw: try reports that, ignored.
		try(r, "withdraw")
	}
	return v, err
}

// await waits for ch until ctx ends. m < 0 is Ready.
func await(ctx context.Context, p *page, m int, ch chan js.Value) (js.Value, error) {
	select {
	case v := <-ch:
		return v, nil
	case <-ctx.Done():
	}
	// An answer that came as ctx ended counts: select picks at random.
	select {
	case v := <-ch:
		return v, nil
	default:
	}
	if p.jivokit.Get("loaded").Bool() {
		return js.Value{}, ctx.Err()
	}
	return js.Value{}, notLoaded(m, ctx.Err())
}

// notLoaded is the error of method m (Ready for m < 0) when the wait for
// the widget to load ended with cause.
func notLoaded(m int, cause error) error {
	e := &notLoadedError{errs: make([]error, 2)}
	e.errs[0], e.errs[1] = ErrNotLoaded, cause
	if m >= 0 {
		e.method = methodNames[m]
	}
	return e
}

// take removes waiter id and returns its channel, or nil when it has gone.
func take(id int) (ch chan js.Value) {
	pending.Lock()
	w := pending.waiters
	for i := range w {
		if w[i].id == id {
			ch = w[i].ch
			w[i] = w[len(w)-1]
			pending.waiters = w[:len(w)-1]
			break
		}
	}
	pending.Unlock()
	return ch
}
