//go:build js && wasm

package fakewidget

import (
	"encoding/json"
	"syscall/js"

	"github.com/jivokit/jivokit/jsapi/runtime"
)

// script defines window.fakeJivo. The widget is not on the page until load
// is called; load puts jivo_api there and calls jivo_onLoadCallback, as the
// vendor's script does. Its default answers are specAnswers (generated from
// the spec: {result:'ok'} for a status, nothing for none, ...) with the
// samples below for what the spec cannot say: the values of the methods
// that answer one, setUserToken's echo of the token, the globals.
const script = `
globalThis.window = globalThis;
const calls = [];
const answers = {};
const later = (f) => setTimeout(f, 1);
const samples = {
  chatMode: () => 'online',
  getContactInfo: () => ({client_name: 'Ann', email: 'ann@example.com', phone: null, description: null}),
  getVisitorNumber: (cb) => later(() => cb(null, 42)),
  setUserToken: (t) => ({result: 'ok', token: t}),
  getUnreadMessagesCount: () => 3,
  getUtm: () => ({source: 'google', campaign: 'spring', content: null, medium: 'cpc', term: null}),
  jivo_init: () => later(() => fakeJivo.load()),
  jivo_destroy: () => { delete window.jivo_api; window.jivo_onWidgetDestroy(); },
};
const defaults = Object.assign(` + specAnswers + `, samples);
const method = (name) => function (...args) {
  if (fakeJivo.recording) {
    calls.push({name, args: JSON.stringify(args.filter((a) => typeof a != 'function'))});
  }
  return (answers[name] || defaults[name]).apply(this, args);
};
const api = {};
for (const name of Object.keys(defaults)) {
  if (name.startsWith('jivo_')) window[name] = method(name);
  else api[name] = method(name);
}
globalThis.fakeJivo = {
  recording: true,
  calls,
  answers,
  load() {
    window.jivo_api = api;
    window.jivo_onLoadCallback();
  },
  take() {
    const s = JSON.stringify(calls);
    calls.length = 0;
    return s;
  },
  answer(name, src) {
    if (src) answers[name] = new Function('return ' + src)();
    else delete answers[name];
  },
};
`

// Install defines the fake widget (not loaded yet) and window = globalThis.
func Install() {
	js.Global().Get("Function").New(script).Invoke()
}

// InstallRuntime evaluates the page runtime, as a page with its script tag.
func InstallRuntime() {
	js.Global().Call("eval", runtime.Script)
}

// Load puts jivo_api on the page and calls jivo_onLoadCallback.
func Load() { fake().Call("load") }

// Loaded reports whether the page runtime considers the widget loaded.
func Loaded() bool {
	k := js.Global().Get("jivokit")
	return k.Truthy() && k.Get("loaded").Bool()
}

// Call is one call the widget received.
type Call struct {
	Name string `json:"name"`
	// Args are the arguments as JSON, without an async method's callback.
	Args string `json:"args"`
}

// Take returns the calls received since the last Take and forgets them.
func Take() []Call {
	var calls []Call
	if err := json.Unmarshal([]byte(fake().Call("take").String()), &calls); err != nil {
		panic(err)
	}
	return calls
}

// Answer makes method answer with the JavaScript function src (for
// instance "() => ({result: 'fail', reason: 'Callback disabled'})"); an
// empty src restores the default answer.
func Answer(method, src string) { fake().Call("answer", method, src) }

// Record turns the recording of calls on or off (off for benchmarks).
func Record(on bool) { fake().Set("recording", on) }

// Fire calls the callback global name with args, as the widget does.
func Fire(name string, args ...any) { js.Global().Call(name, args...) }

// Eval runs JavaScript source and returns its value.
func Eval(src string) js.Value { return js.Global().Call("eval", src) }

func fake() js.Value { return js.Global().Get("fakeJivo") }
