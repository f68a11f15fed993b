//go:build js && wasm

package jivo

import (
	"context"
	"sync"
	"syscall/js"

	"github.com/jivokit/jivokit/jsapi"
)

// call calls method m through jivokit.call with the arguments in a (nil
// for none) and returns its answer: a value for value methods, true for the
// others. It waits for a pending answer until ctx ends.
func call(ctx context.Context, m int, a *args) (js.Value, error) {
	if err := ctx.Err(); err != nil {
		return js.Value{}, err
	}
	p, err := bridge()
	if err != nil {
		return js.Value{}, err
	}
	r, err := invoke(p, m, a)
	if err != nil {
		return js.Value{}, err
	}
	return answer(ctx, p, m, r)
}

// invoke makes the call; a JavaScript exception becomes an error.
func invoke(p *page, m int, a *args) (r js.Value, err error) {
	defer func() {
		if x := recover(); x != nil {
			err = thrown(methodNames[m], x)
		}
	}()
	switch {
	case a == nil:
		return p.call.Invoke(m), nil
	case a.json != nil:
		v, err := parseJSON(p, a)
		if err != nil {
			return js.Value{}, err
		}
		return p.call.Invoke(m, v), nil
	}
	a.vals[0] = m
	return p.call.Invoke(a.vals[:a.n+1]...), nil
}

// parseJSON builds a's one argument from its JSON text. Text from the
// caller (setRules) that JSON.parse rejects is an *jsapi.InputError.
func parseJSON(p *page, a *args) (v js.Value, err error) {
	if a.field != "" {
		defer func() {
			if x := recover(); x != nil {
				err = &jsapi.InputError{Field: a.field, Problem: "is not valid JSON: " + thrown("", x).(*jsapi.WidgetError).Reason}
			}
		}()
	}
	return p.parse.Invoke(string(a.json)), nil
}

// thrown turns a recovered JavaScript exception into a *jsapi.WidgetError,
// and re-panics anything else.
func thrown(method string, x any) error {
	e, ok := x.(js.Error)
	if !ok {
		panic(x)
	}
	reason := "threw an exception"
	if msg := e.Value.Get("message"); msg.Type() == js.TypeString {
		reason = msg.String()
	}
	return &jsapi.WidgetError{Method: method, Reason: reason}
}

// answer decodes what jivokit.call answered. true (the common case) costs no
// call into JavaScript; objects are a Promise to wait for, a JivoError, or
// a value method's value.
func answer(ctx context.Context, p *page, m int, r js.Value) (js.Value, error) {
	if r.Type() != js.TypeObject {
		return r, nil
	}
	if r.InstanceOf(p.promise) {
		v, err := wait(ctx, p, m, r)
		if err != nil {
			return js.Value{}, err
		}
		r = v
		if r.Type() != js.TypeObject {
			return r, nil
		}
	}
	if r.InstanceOf(p.jivoError) {
		return js.Value{}, widgetError(methodNames[m], r)
	}
	return r, nil
}

func widgetError(method string, e js.Value) error {
	reason := ""
	if r := e.Get("reason"); r.Type() == js.TypeString {
		reason = r.String()
	}
	return &jsapi.WidgetError{Method: method, Reason: reason}
}

// pending are the promises being waited for, by id. settle delivers an
// answer to its waiter; a waiter that gave up has removed its id, so a late
// answer is dropped and nothing leaks on either side.
var pending struct {
	sync.Mutex
	next  int
	chans map[int]chan js.Value
}

// wait waits for promise r (which resolves, never rejects) until ctx ends.
// m < 0 is Ready.
func wait(ctx context.Context, p *page, m int, r js.Value) (js.Value, error) {
	ch := make(chan js.Value, 1)
	pending.Lock()
	if pending.chans == nil {
		pending.chans = map[int]chan js.Value{}
	}
	pending.next++
	id := pending.next
	pending.chans[id] = ch
	pending.Unlock()

	r.Call("then", p.settle.Call("bind", nil, id))
	select {
	case v := <-ch:
		return v, nil
	case <-ctx.Done():
		pending.Lock()
		delete(pending.chans, id)
		pending.Unlock()
		if !p.jivokit.Get("loaded").Bool() {
			name := ""
			if m >= 0 {
				name = methodNames[m]
			}
			return js.Value{}, &notLoadedError{method: name, cause: ctx.Err()}
		}
		return js.Value{}, ctx.Err()
	}
}

// settle is the one js.Func every promise answers through, as
// settle.bind(null, id): it runs in JavaScript's turn, so it only hands the
// value over.
func settle(_ js.Value, args []js.Value) any {
	if len(args) < 2 {
		return nil
	}
	id := args[0].Int()
	pending.Lock()
	ch := pending.chans[id]
	delete(pending.chans, id)
	pending.Unlock()
	if ch != nil {
		ch <- args[1]
	}
	return nil
}
