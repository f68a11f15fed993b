//go:build js && wasm

package cspblocked_test

import (
	"context"
	"errors"
	"syscall/js"
	"testing"
	"time"

	"github.com/jivokit/jivokit/jsapi/runtime"
	"github.com/jivokit/jivokit/wasm/internal/fakewidget"
	"github.com/jivokit/jivokit/wasm/jivo"
)

// page refuses inline scripts and eval, counting each attempt; the page
// keeps the real eval to add the runtime itself later, as a page does with
// <script src="/jivokit/runtime.js">.
const page = `
globalThis.blocked = {appended: 0, evals: 0, realEval: globalThis.eval};
globalThis.eval = () => { blocked.evals++; throw new EvalError('Refused to evaluate a string as JavaScript'); };
globalThis.document = {
  createElement: (tag) => ({tagName: tag.toUpperCase()}),
  querySelector: () => null,
  getElementById: () => null,
  documentElement: { appendChild(el) { blocked.appended++; return el; } },
};
`

func attempts() string {
	b := js.Global().Get("blocked")
	return js.Global().Get("JSON").Call("stringify", []any{b.Get("appended"), b.Get("evals")}).String()
}

// TestRuntimeRefused: every call fails with ErrNoRuntime, the bridge tries
// to add the runtime only once, and calls work once the page has added it.
func TestRuntimeRefused(t *testing.T) {
	fakewidget.Install()
	js.Global().Get("Function").New(page).Invoke()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	for range 5 {
		if err := jivo.Close(ctx); !errors.Is(err, jivo.ErrNoRuntime) {
			t.Errorf("Close: %v, want ErrNoRuntime", err)
		}
	}
	if err := jivo.Ready(ctx); !errors.Is(err, jivo.ErrNoRuntime) {
		t.Errorf("Ready: %v, want ErrNoRuntime", err)
	}
	jivo.OnOpen(func() {})()
	if got := attempts(); got != "[1,1]" {
		t.Errorf("script elements appended and evals tried: %s, want [1,1]", got)
	}

	js.Global().Get("blocked").Call("realEval", runtime.Script)
	fakewidget.Load()
	if err := jivo.Close(ctx); err != nil {
		t.Errorf("Close once the page has the runtime: %v", err)
	}
	if c := fakewidget.Take(); len(c) != 1 || c[0].Name != "close" {
		t.Errorf("the widget received %+v", c)
	}
	if got := attempts(); got != "[1,1]" {
		t.Errorf("script elements appended and evals tried: %s, want [1,1]", got)
	}
}
