//go:build js && wasm

package jivo_test

import (
	"errors"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/jivokit/jivokit/jsapi"
	"github.com/jivokit/jivokit/wasm/internal/fakewidget"
	"github.com/jivokit/jivokit/wasm/jivo"
)

func receive[T any](t *testing.T, ch <-chan T) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(5 * time.Second):
		t.Fatal("no event within 5s")
	}
	var zero T
	return zero
}

func quiet[T any](t *testing.T, ch <-chan T) {
	t.Helper()
	select {
	case v := <-ch:
		t.Errorf("unexpected event %v", v)
	case <-time.After(20 * time.Millisecond):
	}
}

// TestCallbacks fires every callback and checks that its subscription
// receives it, decoded.
func TestCallbacks(t *testing.T) {
	got := make(chan string, 10)
	say := func(s string) func() { return func() { got <- s } }
	subs := map[string]func() func(){
		"jivo_onLoadCallback":    func() func() { return jivo.OnLoad(say("load")) },
		"jivo_onOpen":            func() func() { return jivo.OnOpen(say("open")) },
		"jivo_onMessageSent":     func() func() { return jivo.OnMessageSent(say("messageSent")) },
		"jivo_onAccept":          func() func() { return jivo.OnAccept(say("accept")) },
		"jivo_onClose":           func() func() { return jivo.OnClose(say("close")) },
		"jivo_onIntroduction":    func() func() { return jivo.OnIntroduction(say("introduction")) },
		"jivo_onResizeCallback":  func() func() { return jivo.OnResize(say("resize")) },
		"jivo_onCallStart":       func() func() { return jivo.OnCallStart(say("callStart")) },
		"jivo_onClientStartChat": func() func() { return jivo.OnClientStartChat(say("clientStartChat")) },
		"jivo_onMessageReceived": func() func() { return jivo.OnMessageReceived(say("messageReceived")) },
		"jivo_onWidgetDestroy":   func() func() { return jivo.OnWidgetDestroy(say("widgetDestroy")) },
		"jivo_onChangeState": func() func() {
			return jivo.OnChangeState(func(s jsapi.ChatState) { got <- "state " + string(s) })
		},
		"jivo_onCallEnd": func() func() {
			return jivo.OnCallEnd(func(r jsapi.CallResult) {
				switch err := r.Err(); {
				case r.OK:
					got <- "callEnd ok"
				case r.Missing && errors.Is(err, jsapi.ErrNoCallResult) && r.Reason == "":
					got <- "callEnd missing"
				case !r.Missing && !errors.Is(err, jsapi.ErrNoCallResult):
					got <- "callEnd fail " + r.Reason
				default:
					got <- "callEnd inconsistent: " + err.Error()
				}
			})
		},
	}
	tests := []struct {
		callback string
		args     []any
		want     string
	}{
		{"jivo_onLoadCallback", nil, "load"},
		{"jivo_onOpen", nil, "open"},
		{"jivo_onMessageSent", nil, "messageSent"},
		{"jivo_onAccept", nil, "accept"},
		{"jivo_onClose", nil, "close"},
		{"jivo_onIntroduction", nil, "introduction"},
		{"jivo_onResizeCallback", nil, "resize"},
		{"jivo_onCallStart", nil, "callStart"},
		{"jivo_onClientStartChat", nil, "clientStartChat"},
		{"jivo_onMessageReceived", nil, "messageReceived"},
		{"jivo_onWidgetDestroy", nil, "widgetDestroy"},
		{"jivo_onChangeState", []any{"chat/min"}, "state chat/min"},
		{"jivo_onChangeState", []any{"label"}, "state label"},
		{"jivo_onCallEnd", []any{map[string]any{"result": "ok"}}, "callEnd ok"},
		{"jivo_onCallEnd", []any{map[string]any{"result": "fail", "reason": "Busy"}}, "callEnd fail Busy"},
		{"jivo_onCallEnd", []any{map[string]any{"result": "fail"}}, "callEnd fail "},
		{"jivo_onCallEnd", nil, "callEnd missing"},
		{"jivo_onCallEnd", []any{nil}, "callEnd missing"},
		{"jivo_onCallEnd", []any{map[string]any{}}, "callEnd missing"},
		{"jivo_onCallEnd", []any{map[string]any{"reason": "Busy"}}, "callEnd missing"},
	}
	for _, tt := range tests {
		t.Run(tt.callback+" "+tt.want, func(t *testing.T) {
			unsubscribe := subs[tt.callback]()
			fakewidget.Fire(tt.callback, tt.args...)
			if s := receive(t, got); s != tt.want {
				t.Errorf("got %q, want %q", s, tt.want)
			}
			unsubscribe()
			fakewidget.Fire(tt.callback, tt.args...)
			quiet(t, got)
		})
	}
	for _, c := range jsapi.Callbacks() {
		if subs[c.Name] == nil {
			t.Errorf("callback %s has no case in TestCallbacks", c.Name)
		}
	}
	// Firing jivo_onLoadCallback and jivo_onWidgetDestroy changed nothing
	// the other tests rely on: the widget is loaded again.
	fakewidget.Load()
}

// TestListenersOrderAndUnsubscribe checks that several listeners of one
// callback each get every event in order, and that unsubscribing one (twice,
// harmlessly) leaves the others.
func TestListenersOrderAndUnsubscribe(t *testing.T) {
	a, b := make(chan jsapi.ChatState, 10), make(chan jsapi.ChatState, 10)
	offA := jivo.OnChangeState(func(s jsapi.ChatState) { a <- s })
	offB := jivo.OnChangeState(func(s jsapi.ChatState) { time.Sleep(time.Millisecond); b <- s })
	defer offB()
	states := []string{"chat", "call", "chat/call", "label", "chat/min"}
	for _, s := range states {
		fakewidget.Fire("jivo_onChangeState", s)
	}
	for _, s := range states {
		if got := receive(t, a); string(got) != s {
			t.Errorf("listener a got %q, want %q", got, s)
		}
		if got := receive(t, b); string(got) != s {
			t.Errorf("listener b got %q, want %q", got, s)
		}
	}
	offA()
	offA()
	fakewidget.Fire("jivo_onChangeState", "chat")
	if got := receive(t, b); got != jsapi.StateChat {
		t.Errorf("listener b got %q after a unsubscribed", got)
	}
	quiet(t, a)
	if jivo.OnOpen(nil) == nil {
		t.Error("OnOpen(nil) returned a nil unsubscribe")
	}
}

// TestPanickingListener checks that a panic is recovered, reported to the
// error handler and console.error, and that later events still arrive.
func TestPanickingListener(t *testing.T) {
	reported := make(chan error, 2)
	jivo.SetErrorHandler(func(err error) { reported <- err })
	defer jivo.SetErrorHandler(nil)
	fakewidget.Eval(`fakeJivo.consoleErrors = []; fakeJivo.consoleError = console.error; console.error = (...a) => fakeJivo.consoleErrors.push(a.join(' '))`)
	defer fakewidget.Eval(`console.error = fakeJivo.consoleError`)

	calm := make(chan struct{}, 2)
	off1 := jivo.OnOpen(func() { panic(errors.New("listener broke")) })
	defer off1()
	off2 := jivo.OnOpen(func() { calm <- struct{}{} })
	defer off2()

	fakewidget.Fire("jivo_onOpen")
	err := receive(t, reported)
	var pe *jivo.PanicError
	if !errors.As(err, &pe) || pe.Callback != "jivo_onOpen" || pe.Error() != "jivo: listener of jivo_onOpen panicked: listener broke" {
		t.Errorf("reported %v, want a *jivo.PanicError for jivo_onOpen", err)
	}
	if pe != nil && !strings.Contains(string(pe.Stack), "TestPanickingListener") {
		t.Errorf("stack does not show the listener:\n%s", pe.Stack)
	}
	receive(t, calm)
	if got := fakewidget.Eval("fakeJivo.consoleErrors.join('\\n')").String(); !strings.Contains(got, "listener broke") {
		t.Errorf("console.error got %q", got)
	}
	fakewidget.Fire("jivo_onOpen")
	receive(t, reported)
	receive(t, calm)
}

// TestBlockingListenerCallsAsyncMethod: a listener that blocks and calls an
// async method (whose answer needs JavaScript's event loop) neither
// deadlocks nor holds up the callback.
func TestBlockingListenerCallsAsyncMethod(t *testing.T) {
	done := make(chan string, 1)
	release := make(chan struct{})
	off := jivo.OnOpen(func() {
		<-release
		ctx := testContext(t)
		if err := jivo.IsCallbackEnabled(ctx); err != nil {
			done <- "IsCallbackEnabled: " + err.Error()
			return
		}
		n, err := jivo.GetVisitorNumber(ctx)
		if err != nil || n != 42 {
			done <- "GetVisitorNumber failed"
			return
		}
		if err := jivo.Close(ctx); err != nil {
			done <- "Close: " + err.Error()
			return
		}
		done <- "ok"
	})
	defer off()
	fakewidget.Fire("jivo_onOpen") // returns while the listener blocks
	close(release)
	if got := receive(t, done); got != "ok" {
		t.Error(got)
	}
	calls()
}

// TestLastUnsubscribeCallsOff: the bridge subscribes to a callback with
// jivokit.on once, for its first listener, and calls the function on
// returned when its last listener unsubscribes.
func TestLastUnsubscribeCallsOff(t *testing.T) {
	fakewidget.Eval(`fakeJivo.ons = 0; fakeJivo.offs = 0; fakeJivo.on = jivokit.on;
jivokit.on = function (name, f) {
  if (name != 'jivo_onIntroduction') return fakeJivo.on.apply(this, arguments);
  fakeJivo.ons++;
  const off = fakeJivo.on.apply(this, arguments);
  return () => { fakeJivo.offs++; off(); };
}`)
	defer fakewidget.Eval(`jivokit.on = fakeJivo.on`)
	count := func() string {
		return fakewidget.Eval(`fakeJivo.ons + " on, " + fakeJivo.offs + " off"`).String()
	}
	got := make(chan string, 2)
	offA := jivo.OnIntroduction(func() { got <- "a" })
	offB := jivo.OnIntroduction(func() { got <- "b" })
	if c := count(); c != "1 on, 0 off" {
		t.Errorf("after two subscriptions: %s, want 1 on, 0 off", c)
	}
	offA()
	if c := count(); c != "1 on, 0 off" {
		t.Errorf("after the first unsubscribed: %s, want 1 on, 0 off", c)
	}
	offB()
	offB()
	if c := count(); c != "1 on, 1 off" {
		t.Errorf("after the last unsubscribed: %s, want 1 on, 1 off", c)
	}
	fakewidget.Fire("jivo_onIntroduction")
	quiet(t, got)
	off := jivo.OnIntroduction(func() { got <- "c" })
	defer off()
	if c := count(); c != "2 on, 1 off" {
		t.Errorf("after subscribing again: %s, want 2 on, 1 off", c)
	}
	fakewidget.Fire("jivo_onIntroduction")
	if s := receive(t, got); s != "c" {
		t.Errorf("got %q, want c", s)
	}
}

// TestListenerGoexit: a listener that ends its goroutine with
// runtime.Goexit (as t.FailNow does) still gets the later events.
func TestListenerGoexit(t *testing.T) {
	got := make(chan string, 3)
	off := jivo.OnChangeState(func(s jsapi.ChatState) {
		got <- string(s)
		if s == jsapi.StateCall {
			runtime.Goexit()
		}
	})
	defer off()
	fakewidget.Fire("jivo_onChangeState", "call")
	fakewidget.Fire("jivo_onChangeState", "chat")
	for _, want := range []string{"call", "chat"} {
		if s := receive(t, got); s != want {
			t.Errorf("got %q, want %q", s, want)
		}
	}
	fakewidget.Fire("jivo_onChangeState", "label")
	if s := receive(t, got); s != "label" {
		t.Errorf("got %q after the Goexit, want label", s)
	}
}

// TestPanicWithoutConsole: a listener's panic on a page whose console.error
// is missing, or is not a function, still reaches the error handler, and
// the bridge goes on.
func TestPanicWithoutConsole(t *testing.T) {
	reported := make(chan error, 2)
	jivo.SetErrorHandler(func(err error) { reported <- err })
	defer jivo.SetErrorHandler(nil)
	fakewidget.Eval(`fakeJivo.console = globalThis.console`)
	defer fakewidget.Eval(`globalThis.console = fakeJivo.console`)
	off := jivo.OnAccept(func() { panic("listener broke") })
	defer off()
	for _, page := range []string{
		`globalThis.console = {error: 'not a function'}`,
		`globalThis.console = {error() { throw 'no console here' }}`,
		`globalThis.console = {error() { throw null }}`,
		`delete globalThis.console`,
	} {
		fakewidget.Eval(page)
		fakewidget.Fire("jivo_onAccept")
		var pe *jivo.PanicError
		if err := receive(t, reported); !errors.As(err, &pe) || pe.Value != "listener broke" {
			t.Errorf("%s: reported %v, want the listener's *jivo.PanicError", page, err)
		}
	}
}
