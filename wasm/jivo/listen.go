//go:build js && wasm

package jivo

import (
	"runtime"
	"sync"
	"sync/atomic"
	"syscall/js"
)

// A hub is one callback's subscription with the page runtime: one js.Func,
// registered with jivokit.on when the first Go listener subscribes and
// released when the last one unsubscribes.
type hub struct {
	mu        sync.Mutex                  // serializes subscribing and unsubscribing
	listeners atomic.Pointer[[]*listener] // read by dispatch without a lock
	fn        js.Func
	off       js.Value // the function jivokit.on returned
}

var hubs [numCallbacks]hub

// A listener is one Go subscription. Its events run in order on a
// goroutine of their own, started when an event arrives and ending when
// none is left, so a listener may block without holding up JavaScript or
// other listeners.
type listener struct {
	callback string
	prepare  func(args []js.Value) func() // decodes the arguments, in JavaScript's turn
	stopped  atomic.Bool

	mu      sync.Mutex
	queue   []func()
	running bool
}

// listen subscribes prepare to callback cb; prepare decodes the callback's
// arguments and returns what to run on the listener's goroutine.
func listen(cb int, prepare func(args []js.Value) func()) (unsubscribe func()) {
	p, err := bridge()
	if err != nil {
		report(err)
		return func() {}
	}
	h := &hubs[cb]
	l := &listener{callback: callbackNames[cb], prepare: prepare}

	h.mu.Lock()
	old := h.list()
	next := make([]*listener, len(old), len(old)+1)
	copy(next, old)
	next = append(next, l)
	h.listeners.Store(&next)
	if len(old) == 0 {
		if err := h.register(p, cb); err != nil {
			h.listeners.Store(&old)
			h.mu.Unlock()
			report(err)
			return func() {}
		}
	}
	h.mu.Unlock()

	var once sync.Once
	return func() { once.Do(func() { h.remove(l) }) }
}

func (h *hub) list() []*listener {
	if l := h.listeners.Load(); l != nil {
		return *l
	}
	return nil
}

// register makes the hub's js.Func and subscribes it; h.mu is held. The
// runtime may call the function at once: dispatch takes no lock of the hub.
func (h *hub) register(p *page, cb int) (err error) {
	h.fn = js.FuncOf(h.dispatch)
	defer func() {
		if x := recover(); x != nil {
			h.fn.Release()
			err = thrown("on", x)
		}
	}()
	h.off = p.on.Invoke(callbackNames[cb], h.fn)
	return nil
}

func (h *hub) remove(l *listener) {
	l.stopped.Store(true)
	h.mu.Lock()
	defer h.mu.Unlock()
	old := h.list()
	next := make([]*listener, 0, len(old))
	for _, x := range old {
		if x != l {
			next = append(next, x)
		}
	}
	h.listeners.Store(&next)
	if len(next) == 0 && len(old) > 0 {
		func() {
			defer func() { _ = recover() }()
			if h.off.Type() == js.TypeFunction {
				h.off.Invoke()
			}
		}()
		h.fn.Release()
		h.off = js.Value{}
	}
}

// dispatch runs in JavaScript's turn when the widget calls the callback:
// it decodes the arguments for each listener and queues the listener's run.
func (h *hub) dispatch(_ js.Value, args []js.Value) any {
	for _, l := range h.list() {
		func() {
			defer func() {
				if x := recover(); x != nil {
					reportPanic(l.callback, x)
				}
			}()
			l.enqueue(l.prepare(args))
		}()
	}
	return nil
}

func (l *listener) enqueue(run func()) {
	l.mu.Lock()
	l.queue = append(l.queue, run)
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
		run := l.queue[0]
		l.queue[0] = nil
		l.queue = l.queue[1:]
		l.mu.Unlock()
		if !l.stopped.Load() {
			l.run(run)
		}
	}
}

// run calls the user's function, recovering a panic.
func (l *listener) run(f func()) {
	defer func() {
		if x := recover(); x != nil {
			reportPanic(l.callback, x)
		}
	}()
	f()
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
