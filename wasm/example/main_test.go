//go:build js && wasm

package main

import (
	"strings"
	"syscall/js"
	"testing"
	"time"

	"github.com/jivokit/jivokit/wasm/internal/fakewidget"
)

// dom is just enough of a document for the app under Node: elements with
// attributes, children, value, textContent and click listeners.
const dom = `
class El {
  constructor(tag) { this.tagName = tag.toUpperCase(); this.attrs = {}; this.children = []; this.listeners = {}; this.value = ''; this.textContent = ''; this.dataset = {}; }
  setAttribute(k, v) { this.attrs[k] = String(v); }
  getAttribute(k) { return k in this.attrs ? this.attrs[k] : null; }
  appendChild(c) { this.children.push(c); return c; }
  insertBefore(c, ref) { const i = this.children.indexOf(ref); i < 0 ? this.children.push(c) : this.children.splice(i, 0, c); return c; }
  get firstChild() { return this.children[0] || null; }
  addEventListener(t, f) { (this.listeners[t] = this.listeners[t] || []).push(f); }
  click() { (this.listeners.click || []).forEach((f) => f({})); }
  all(pred, out = []) { if (pred(this)) out.push(this); this.children.forEach((c) => c.all && c.all(pred, out)); return out; }
}
const body = new El('body');
globalThis.document = {
  body, documentElement: new El('html'),
  createElement: (t) => new El(t),
  getElementById: (id) => body.all((e) => e.attrs.id === id)[0] || null,
  querySelector: () => null,
};
globalThis.dom = {
  find: (attr, value) => body.all((e) => e.attrs[attr] === value)[0] || null,
  log: () => document.getElementById('jivokit-log').children.map((li) => li.attrs['data-kind'] + ' ' + li.attrs['data-name'] + ' ' + li.textContent).join('\n'),
};
`

func TestMain(m *testing.M) {
	fakewidget.Install()
	js.Global().Get("Function").New(dom).Invoke()
	fakewidget.InstallRuntime()
	fakewidget.Load()
	m.Run()
}

func find(t *testing.T, attr, value string) js.Value {
	t.Helper()
	e := js.Global().Get("dom").Call("find", attr, value)
	if e.IsNull() {
		t.Fatalf("no element with %s=%q", attr, value)
	}
	return e
}

// waitLog waits until the log has a line containing want.
func waitLog(t *testing.T, want string) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		log := js.Global().Get("dom").Call("log").String()
		if strings.Contains(log, want) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("log has no %q:\n%s", want, log)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// TestDOMContract builds the app and uses it as the demo and e2e tests
// would: every method's button, the log, the panic button, the ready flag.
func TestDOMContract(t *testing.T) {
	start()
	if got := js.Global().Get("document").Get("documentElement").Get("dataset").Get("jivokitExample").String(); got != "ready" {
		t.Errorf("dataset.jivokitExample = %q", got)
	}
	waitLog(t, "result ready the widget has loaded")
	for _, m := range methods {
		find(t, "data-row", m.name)
		find(t, "data-method", m.name)
		for _, p := range m.params {
			find(t, "data-param", p.name)
		}
	}
	fakewidget.Take()

	find(t, "data-method", "startCall").Call("click")
	waitLog(t, "call startCall startCall(phone=+14084987855)")
	waitLog(t, "result startCall startCall: ok")
	find(t, "data-method", "setCustomData").Call("click")
	waitLog(t, "result setCustomData setCustomData: ok")
	find(t, "data-method", "getContactInfo").Call("click")
	waitLog(t, `result getContactInfo getContactInfo: name="Ann"`)
	calls := fakewidget.Take()
	if len(calls) != 3 || calls[1].Args != `[[{"content":"Pro","title":"Plan","link":"https://example.com/plan"},{"content":"#1024","title":"Order","link":"https://example.com/orders/1024"},{"content":"3 items","title":"Cart"}]]` {
		t.Errorf("the widget received %+v", calls)
	}

	fakewidget.Answer("startCall", `() => ({result: 'fail', reason: 'Callback disabled'})`)
	find(t, "data-method", "startCall").Call("click")
	waitLog(t, "error startCall jivo: startCall: Callback disabled")
	fakewidget.Answer("startCall", "")

	fakewidget.Fire("jivo_onChangeState", "chat")
	waitLog(t, "callback jivo_onChangeState jivo_onChangeState(chat)")

	find(t, "data-action", "panic").Call("click")
	waitLog(t, "call panic")
	fakewidget.Fire("jivo_onOpen")
	waitLog(t, "error panic jivo: listener of jivo_onOpen panicked: ")
	if log := js.Global().Get("dom").Call("log").String(); strings.Count(log, "listener of") != 1 {
		t.Errorf("the panic line repeats itself:\n%s", log)
	}
	waitLog(t, "callback jivo_onOpen jivo_onOpen()")
	find(t, "data-method", "close").Call("click")
	waitLog(t, "result close close: ok")
}

// TestReadyTimeout: on a page whose widget does not load, the app logs why
// instead of waiting for ever.
func TestReadyTimeout(t *testing.T) {
	js.Global().Call("jivo_destroy")
	defer js.Global().Call("jivo_init")
	u := newUI()
	done := make(chan struct{})
	go func() { u.waitReady(20 * time.Millisecond); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("waitReady did not return on a page without a widget")
	}
	li := u.list.Get("children").Index(0)
	if got := li.Get("attrs").Get("data-kind").String() + " " + li.Get("textContent").String(); got != "error jivo: widget did not load: context deadline exceeded" {
		t.Errorf("logged %q", got)
	}
}
