//go:build js && wasm

package loadfail_test

import (
	"context"
	"errors"
	"syscall/js"
	"testing"
	"time"

	"github.com/jivokit/jivokit/jsapi"
	"github.com/jivokit/jivokit/jsapi/runtime"
	"github.com/jivokit/jivokit/wasm/internal/fakewidget"
	"github.com/jivokit/jivokit/wasm/jivo"
)

// page is a document as small as the loader needs: its own element (the
// consent strategy, the widget's script URL), the configuration block (a
// load timeout of 100 ms), a head that records the scripts added, and the
// window's events.
const page = `
const events = new EventTarget();
globalThis.addEventListener = events.addEventListener.bind(events);
globalThis.removeEventListener = events.removeEventListener.bind(events);
globalThis.dispatchEvent = events.dispatchEvent.bind(events);
globalThis.location = {href: 'https://shop.example/'};
const attrs = {'data-load': 'consent', 'data-src': '/w.js'};
globalThis.added = [];
globalThis.document = {
  readyState: 'complete',
  currentScript: {nonce: '', getAttribute: (k) => (k in attrs ? attrs[k] : null)},
  getElementById: (id) => (id == 'jivokit-config' ? {textContent: '{"load_timeout":100}'} : null),
  querySelector: () => null,
  addEventListener() {},
  createElement: (tag) => ({tag, setAttribute() {}}),
  head: {appendChild: (el) => added.push(el), insertBefore() {}},
  body: {appendChild: (el) => added.push(el)},
};
`

func ctx(t *testing.T, d time.Duration) context.Context {
	c, cancel := context.WithTimeout(context.Background(), d)
	t.Cleanup(cancel)
	return c
}

// TestLoadFailure runs in order: a call queued before loading, Load, the
// timeout's failure reaching the call, Load, Ready, the phase and a
// listener; then the widget loads after all and everything works.
func TestLoadFailure(t *testing.T) {
	fakewidget.Install()
	js.Global().Get("Function").New(page).Invoke()
	js.Global().Call("eval", runtime.Script)
	js.Global().Call("eval", runtime.Loader)

	if ph, err := jivo.CurrentPhase(); ph != jivo.PhaseNotRequested || err != nil {
		t.Fatalf("phase %v, %v; want not-requested", ph, err)
	}
	heard := make(chan *jivo.LoadError, 2)
	off := jivo.OnLoadFailed(func(e *jivo.LoadError) { heard <- e })
	defer off()

	queued := make(chan error, 1)
	go func() { queued <- jivo.Open(ctx(t, 5*time.Second), jsapi.OpenOptions{}) }()
	time.Sleep(10 * time.Millisecond) // the call is queued

	start := time.Now()
	err := jivo.Load(ctx(t, 5*time.Second))
	var le *jivo.LoadError
	if !errors.Is(err, jivo.ErrLoadFailed) || !errors.As(err, &le) || le.Reason != jivo.ReasonTimeout || le.Method != "" {
		t.Fatalf("Load: %v, want a *LoadError with reason timeout", err)
	}
	if want := "jivo: the widget did not load: timeout: not loaded within 100 ms"; err.Error() != want {
		t.Errorf("Load: %q, want %q", err, want)
	}
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("Load took %v: it waited for ctx, not the failure", took)
	}
	if n := js.Global().Get("added").Length(); n != 1 {
		t.Errorf("%d scripts added, want the widget's", n)
	}
	select {
	case err := <-queued:
		if !errors.Is(err, jivo.ErrLoadFailed) || !errors.As(err, &le) || le.Method != "open" || le.Reason != jivo.ReasonTimeout || le.Detail != "not loaded within 100 ms" {
			t.Errorf("the queued Open: %v (%+v)", err, le)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("the queued Open still waits")
	}
	select {
	case e := <-heard:
		if e.Reason != jivo.ReasonTimeout || e.Method != "" {
			t.Errorf("OnLoadFailed got %+v", e)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("OnLoadFailed heard nothing")
	}
	if ph, err := jivo.CurrentPhase(); ph != jivo.PhaseFailed || err != nil || ph.String() != "failed" {
		t.Errorf("phase %v, %v; want failed", ph, err)
	}
	// Until the widget loads, calls and Ready end at once with the failure.
	if _, err := jivo.ChatMode(ctx(t, 5*time.Second)); !errors.Is(err, jivo.ErrLoadFailed) {
		t.Errorf("ChatMode after the failure: %v", err)
	}
	if err := jivo.Ready(ctx(t, 5*time.Second)); !errors.As(err, &le) || le.Reason != jivo.ReasonTimeout {
		t.Errorf("Ready after the failure: %v", err)
	}

	// The widget loads after all.
	fakewidget.Load()
	if err := jivo.Ready(ctx(t, time.Second)); err != nil {
		t.Errorf("Ready after a late load: %v", err)
	}
	if ph, _ := jivo.CurrentPhase(); ph != jivo.PhaseLoaded {
		t.Errorf("phase %v after a late load, want loaded", ph)
	}
	if mode, err := jivo.ChatMode(ctx(t, time.Second)); err != nil || mode != "online" {
		t.Errorf("ChatMode after a late load: %q, %v", mode, err)
	}
	if err := jivo.Open(ctx(t, time.Second), jsapi.OpenOptions{}); err != nil {
		t.Errorf("Open after a late load: %v", err)
	}
	select {
	case e := <-heard:
		t.Errorf("OnLoadFailed heard again: %+v", e)
	default:
	}
}

func TestLoadErrorWithoutFailure(t *testing.T) {
	e := &jivo.LoadError{Method: "open", Reason: jivo.ReasonCSP, Detail: "script-src-elem refused https://x.example/w.js"}
	if !errors.Is(e, jivo.ErrLoadFailed) || errors.Is(e, jivo.ErrNotLoaded) {
		t.Error("LoadError matches ErrLoadFailed only")
	}
	if want := "jivo: open: the widget did not load: csp: script-src-elem refused https://x.example/w.js"; e.Error() != want {
		t.Errorf("%q, want %q", e, want)
	}
}
