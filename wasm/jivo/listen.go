//go:build js && wasm

package jivo

import (
	"runtime"
	"sync"
	"sync/atomic"
	"syscall/js"

	"github.com/jivokit/jivokit/jsapi"
)

// A hub is one callback's subscription with the page runtime: made with
// jivokit.on (with fromJS bound to the callback's index) when the first Go
// listener subscribes, and ended when the last one unsubscribes.
type hub struct {
	listeners atomic.Pointer[[]*listener] // read by fromJS without a lock
	off       js.Value                    // the function jivokit.on returned
}

var (
	hubs  [numCallbacks]hub
	subMu sync.Mutex // serializes subscribing and unsubscribing
)

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
	queue   []jsapi.CallResult // decoded events, see decodeEvent
	running bool

	calling bool // run is in the user's function; only the draining goroutine uses it
}

func nop() {}

// listen subscribes fn, a func(), func(jsapi.ChatState) or
// func(jsapi.CallResult), to callback cb.
func listen(cb int, fn any) (unsubscribe func()) {
	p, err := bridge()
	if err == nil {
		h := &hubs[cb]
		l := &listener{hub: h, name: callbackNames[cb], fn: fn}
		subMu.Lock()
		old := h.list()
		next := append(old[:len(old):len(old)], l)
		h.listeners.Store(&next)
		if len(old) == 0 {
			// The runtime may call fromJS at once: it takes no lock of hubs.
			var reason string
			if h.off, reason = try(p.jivokit, "on", l.name, p.fromJS.Call("bind", nil, cb)); reason != "" {
				h.listeners.Store(&old)
				err = &jsapi.WidgetError{Method: "on", Reason: reason}
			}
		}
		subMu.Unlock()
		if err == nil {
			return l.unsubscribe
		}
	}
	report(err, "")
	return nop
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
	subMu.Lock()
	// l is on the list exactly once: listen put it there, and this is the
	// first call.
	old := h.list()
	next, j := make([]*listener, len(old)-1), 0
	for _, x := range old {
		if x != l {
			next[j] = x
			j++
		}
	}
	h.listeners.Store(&next)
	if len(next) == 0 && h.off.Type() == js.TypeFunction {
		try(h.off, "call")
	}
	subMu.Unlock()
}

// fromJS is the one js.Func through which JavaScript calls the bridge,
// bound to a first argument: -id when pending promise id settles (see
// wait), with its value; a callback's index when the widget fires it, with
// the callback's arguments. It runs in JavaScript's turn, so it only hands
// values over: a promise's to its waiter, a callback's, decoded, to each
// listener's queue, starting the listener's goroutine when it has none.
func fromJS(_ js.Value, args []js.Value) any {
	if len(args) == 0 {
		return nil
	}
	n := args[0].Int()
	if n < 0 {
		if ch := take(-n); ch != nil && len(args) > 1 {
			ch <- args[1]
		}
		return nil
	}
	if n == readyIndex {
		// Wake Ready's waiters; the next Ready while the widget is not
		// loaded (after jivo_destroy) asks for a new promise.
		ready.Lock()
		if ready.ch != nil {
			close(ready.ch)
			ready.ch = nil
		}
		ready.Unlock()
		return nil
	}
	if n > numCallbacks {
		return nil
	}
	defer recoverPanic(callbackNames[n])
	if list := hubs[n].list(); len(list) > 0 {
		e := decodeEvent(list[0].fn, args[1:])
		for _, l := range list {
			l.mu.Lock()
			l.queue = append(l.queue, e)
			start := !l.running
			l.running = true
			l.mu.Unlock()
			if start {
				go l.drain()
			}
		}
	}
	return nil
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

// run calls the user's function; see finish.
func (l *listener) run(e jsapi.CallResult) {
	defer l.finish()
	l.calling = true
	switch f := l.fn.(type) {
	case func():
		f()
	case func(jsapi.ChatState):
		f(jsapi.ChatState(e.Reason))
	case func(jsapi.CallResult):
		f(e)
	}
	l.calling = false
}

// finish, deferred by run, reports a panic of the listener. When the
// listener called runtime.Goexit (as t.FailNow does), which ends the
// draining goroutine, it drains the events after it on a new one.
func (l *listener) finish() {
	x := recover()
	goexit := x == nil && l.calling
	l.calling = false
	if goexit {
		go l.drain()
	}
	reportPanic(l.name, x)
}

// recoverPanic, deferred, reports a panic of the bridge while it decodes
// the arguments of callback name.
func recoverPanic(name string) { reportPanic(name, recover()) }

// reportPanic reports x, when not nil, recovered from a listener of
// callback name.
func reportPanic(name string, x any) {
	if x == nil {
		return
	}
	buf := make([]byte, 4096)
	buf = buf[:runtime.Stack(buf, false)]
	report(&PanicError{Callback: name, Value: x, Stack: buf}, "\n"+string(buf))
}

// report logs err, then detail, with console.error (when the page has
// one), and passes err to the error handler, if any, ignoring a panic in
// it.
func report(err error, detail string) {
	try(js.Global().Get("console"), "error", err.Error()+detail)
	if h := errorHandler.Load(); h != nil {
		defer ignorePanic()
		(*h)(err)
	}
}
