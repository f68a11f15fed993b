//go:build js && wasm

package jivo

import (
	"runtime"
	"sync"
	"syscall/js"

	"github.com/jivokit/jivokit/jsapi"
)

// A hub is one callback's subscription with the page runtime: made with
// jivokit.on (with fromJS bound to the callback's index) when the first Go
// listener subscribes, and ended when the last one unsubscribes.
type hub struct {
	// listeners is replaced, never changed in place, under subMu. fromJS
	// reads it without a lock: it runs in JavaScript's turn, and this port
	// runs one goroutine at a time and switches only where one blocks, so it
	// sees the list before or after a change, never a part of one.
	listeners []*listener
	off       js.Value // the function jivokit.on returned
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
	cb      int  // the callback's index
	fn      any  // func(), func(jsapi.ChatState) or func(jsapi.CallResult)
	stopped bool // set under subMu; drain reads it without a lock, as fromJS reads hubs

	mu      sync.Mutex
	queue   []jsapi.CallResult // decoded events, see decodeEvent
	running bool

	calling bool // drain is in the user's function; only the draining goroutine uses it
}

func nop() {}

// listen subscribes fn, a func(), func(jsapi.ChatState) or
// func(jsapi.CallResult), to callback cb.
func listen(cb int, fn any) (unsubscribe func()) {
	p, err := bridge()
	if err == nil {
		h := &hubs[cb]
		l := &listener{cb: cb, fn: fn}
		subMu.Lock()
		old := h.listeners
		h.listeners = append(old[:len(old):len(old)], l)
		if len(old) == 0 {
			// The runtime may call fromJS at once: it takes no lock of hubs.
			var reason string
			if h.off, reason = try(p.jivokit, "on", callbackNames[cb], p.fromJS.Call("bind", nil, cb)); reason != "" {
				h.listeners = nil
				err = &jsapi.WidgetError{Method: "on", Reason: reason}
			}
		}
		subMu.Unlock()
		if err == nil {
			// Removes l; a second call does nothing.
			return func() {
				subMu.Lock()
				if !l.stopped {
					l.stopped = true
					var next []*listener
					for _, x := range h.listeners {
						if x != l {
							next = append(next, x)
						}
					}
					h.listeners = next
					if next == nil && h.off.Type() == js.TypeFunction {
						try(h.off, "call")
					}
				}
				subMu.Unlock()
			}
		}
	}
	report(err, "")
	return nop
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
	if n == stateIndex {
		stateEvent(args[1:])
		return nil
	}
	if n > numCallbacks {
		return nil
	}
	defer func() { reportPanic(n, recover()) }() // a getter of the widget's object may throw
	if list := hubs[n].listeners; len(list) > 0 {
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

// drain runs l's queued events in order, calling the user's function.
func (l *listener) drain() {
	// Report a panic of the listener. After a panic, or when the listener
	// called runtime.Goexit (as t.FailNow does), which both end this
	// goroutine, drain the events after it on a new one.
	defer func() {
		x := recover()
		if x != nil || l.calling {
			l.calling = false
			reportPanic(l.cb, x)
			go l.drain()
		}
	}()
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
		if !l.stopped {
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
	}
}

// reportPanic reports x, when not nil, recovered from a listener of
// callback cb.
func reportPanic(cb int, x any) {
	if x == nil {
		return
	}
	buf := make([]byte, 4096)
	buf = buf[:runtime.Stack(buf, false)]
	report(&PanicError{Callback: callbackNames[cb], Value: x, Stack: buf}, "\n"+string(buf))
}

// errorHandler is read and written without a lock: it is one word, and
// this port runs one goroutine at a time, switching only where one blocks.
var errorHandler func(error)

func setErrorHandler(h func(error)) { errorHandler = h }

// advise logs jivokit's advice with console.warn (when the page has one)
// and passes it to the error handler, if any, ignoring a panic in it.
func advise(err error) {
	try(js.Global().Get("console"), "warn", err.Error())
	if h := errorHandler; h != nil {
		defer ignorePanic()
		h(err)
	}
}

// report logs err, then detail, with console.error (when the page has
// one), and passes err to the error handler, if any, ignoring a panic in
// it.
func report(err error, detail string) {
	try(js.Global().Get("console"), "error", err.Error()+detail)
	if h := errorHandler; h != nil {
		defer ignorePanic()
		h(err)
	}
}
