//go:build js && wasm

package jivo

import (
	"runtime"
	"sync"
	"sync/atomic"
	"syscall/js"

	"github.com/jivokit/jivokit/jsapi"
)

// A hub is one callback's subscription with the page runtime: one js.Func,
// registered with jivokit.on when the first Go listener subscribes and
// released when the last one unsubscribes.
type hub struct {
	mu        sync.Mutex                  // serializes subscribing and unsubscribing
	listeners atomic.Pointer[[]*listener] // read by dispatch without a lock
	name      string                      // the jivo_on* callback
	fn        js.Func
	off       js.Value // the function jivokit.on returned
}

var hubs [numCallbacks]hub

// A listener is one Go subscription. Its events run in order on a
// goroutine of its own, started when an event arrives and ending when
// none is left, so a listener may block without holding up JavaScript or
// other listeners.
type listener struct {
	hub     *hub
	name    string // the jivo_on* callback
	fn      any    // func(), func(jsapi.ChatState) or func(jsapi.CallResult)
	stopped atomic.Bool

	mu      sync.Mutex
	queue   []event
	running bool
}

func nop() {}

// listen subscribes fn, a func(), func(jsapi.ChatState) or
// func(jsapi.CallResult), to callback cb.
func listen(cb int, fn any) (unsubscribe func()) {
	p, err := bridge()
	if err != nil {
		report(err)
		return nop
	}
	h := &hubs[cb]
	l := &listener{hub: h, name: callbackNames[cb], fn: fn}

	h.mu.Lock()
	old := h.list()
	next := append(old[:len(old):len(old)], l)
	h.listeners.Store(&next)
	if len(old) == 0 {
		// The runtime may call the function at once: dispatch takes no
		// lock of the hub.
		h.name = l.name
		h.fn = js.FuncOf(h.dispatch)
		off, reason, ok := try(p.on, h.name, h.fn)
		if !ok {
			h.fn.Release()
			h.listeners.Store(&old)
			h.mu.Unlock()
			report(&jsapi.WidgetError{Method: "on", Reason: reason})
			return nop
		}
		h.off = off
	}
	h.mu.Unlock()
	return l.unsubscribe
}

func (h *hub) list() []*listener {
	if l := h.listeners.Load(); l != nil {
		return *l
	}
	return nil
}

// unsubscribe removes l; a second call does nothing.
func (l *listener) unsubscribe() {
	if l.stopped.Swap(true) {
		return
	}
	h := l.hub
	h.mu.Lock()
	old := h.list()
	next := make([]*listener, 0, len(old))
	for _, x := range old {
		if x != l {
			next = append(next, x)
		}
	}
	h.listeners.Store(&next)
	if len(next) == 0 {
		if h.off.Type() == js.TypeFunction {
			try(h.off)
		}
		h.fn.Release()
		h.off = js.Value{}
	}
	h.mu.Unlock()
}

// dispatch runs in JavaScript's turn when the widget calls the callback:
// it decodes the arguments and queues each listener's run.
func (h *hub) dispatch(_ js.Value, args []js.Value) any {
	defer func() {
		if x := recover(); x != nil {
			reportPanic(h.name, x)
		}
	}()
	if list := h.list(); len(list) > 0 {
		e := decodeEvent(list[0].fn, args)
		for _, l := range list {
			l.enqueue(e)
		}
	}
	return nil
}

func (l *listener) enqueue(e event) {
	l.mu.Lock()
	l.queue = append(l.queue, e)
	start := !l.running
	l.running = true
	l.mu.Unlock()
	if start {
		go l.drain()
	}
}

func (l *listener) drain() {
	for {
		l.mu.Lock()
		if len(l.queue) == 0 {
			l.running = false
			l.queue = nil
			l.mu.Unlock()
			return
		}
		e := l.queue[0]
		l.queue = l.queue[1:]
		l.mu.Unlock()
		if !l.stopped.Load() {
			l.run(e)
		}
	}
}

// run calls the user's function, recovering a panic.
func (l *listener) run(e event) {
	defer func() {
		if x := recover(); x != nil {
			reportPanic(l.name, x)
		}
	}()
	switch f := l.fn.(type) {
	case func():
		f()
	case func(jsapi.ChatState):
		f(jsapi.ChatState(e.s))
	case func(jsapi.CallResult):
		f(jsapi.CallResult{OK: e.ok, Reason: e.s})
	}
}

func reportPanic(callback string, x any) {
	buf := make([]byte, 4096)
	buf = buf[:runtime.Stack(buf, false)]
	err := &PanicError{Callback: callback, Value: x, Stack: buf}
	consoleError(err.Error() + "\n" + string(buf))
	handle(err)
}

func report(err error) {
	consoleError(err.Error())
	handle(err)
}

func consoleError(msg string) {
	defer func() { _ = recover() }()
	js.Global().Get("console").Call("error", msg)
}
