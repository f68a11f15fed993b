//go:build js && wasm

package jivo

import (
	"context"
	"sync"
	"syscall/js"

	"github.com/jivokit/jivokit/jsapi"
)

// call checks a, calls method m through jivokit.call and returns its
// answer: a value for value methods, true for the others. It waits for a
// pending answer until ctx ends.
func call(ctx context.Context, m int, a args) (js.Value, error) {
	if a.err != nil {
		return js.Value{}, a.err
	}
	if err := ctx.Err(); err != nil {
		return js.Value{}, err
	}
	p, err := bridge()
	if err != nil {
		return js.Value{}, err
	}
	if m == methodSetRules {
		// The caller's text must be one JSON value on its own.
		if _, reason, ok := try(p.parse, string(a.json[len(start(m))+1:])); !ok {
			return js.Value{}, &jsapi.InputError{Field: "rules", Problem: "is not valid JSON: " + reason}
		}
	}
	if a.json == nil {
		a.json = start(m)
	}
	r, reason, ok := try(p.call, p.parse.Invoke(string(append(a.json, ']'))))
	if !ok {
		return js.Value{}, &jsapi.WidgetError{Method: methodNames[m], Reason: reason}
	}
	return answer(ctx, p, m, r)
}

// answer decodes what jivokit.call answered. true (the common case) costs no
// call into JavaScript; objects are a Promise to wait for, a JivoError, or
// a value method's value.
func answer(ctx context.Context, p *page, m int, r js.Value) (js.Value, error) {
	if r.Type() == js.TypeObject && r.InstanceOf(p.promise) {
		v, err := wait(ctx, p, m, r)
		if err != nil {
			return js.Value{}, err
		}
		r = v
	}
	if r.Type() == js.TypeObject && r.InstanceOf(p.jivoError) {
		e := &jsapi.WidgetError{Method: methodNames[m]}
		if reason := r.Get("reason"); reason.Type() == js.TypeString {
			e.Reason = reason.String()
		}
		return js.Value{}, e
	}
	return r, nil
}

// pending are the promises being waited for. settle delivers an answer to
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

// wait waits for promise r (which resolves, never rejects) until ctx ends.
// m < 0 is Ready.
func wait(ctx context.Context, p *page, m int, r js.Value) (js.Value, error) {
	ch := make(chan js.Value, 1)
	pending.Lock()
	pending.next++
	id := pending.next
	pending.waiters = append(pending.waiters, waiter{id, ch})
	pending.Unlock()

	r.Call("then", p.settle.Call("bind", nil, id))
	select {
	case v := <-ch:
		return v, nil
	case <-ctx.Done():
		take(id)
		if !p.jivokit.Get("loaded").Bool() {
			e := &notLoadedError{cause: ctx.Err()}
			if m >= 0 {
				e.method = methodNames[m]
			}
			return js.Value{}, e
		}
		return js.Value{}, ctx.Err()
	}
}

// take removes waiter id and returns its channel, or nil when it has gone.
func take(id int) chan js.Value {
	pending.Lock()
	defer pending.Unlock()
	w := pending.waiters
	for i := range w {
		if w[i].id == id {
			ch := w[i].ch
			w[i] = w[len(w)-1]
			pending.waiters = w[:len(w)-1]
			return ch
		}
	}
	return nil
}

// settle is the one js.Func every promise answers through, as
// settle.bind(null, id): it runs in JavaScript's turn, so it only hands the
// value over.
func settle(_ js.Value, args []js.Value) any {
	if len(args) >= 2 {
		if ch := take(args[0].Int()); ch != nil {
			ch <- args[1]
		}
	}
	return nil
}
