//go:build js && wasm

package barepage_test

import (
	"context"
	"errors"
	"syscall/js"
	"testing"
	"time"

	"github.com/jivokit/jivokit/wasm/internal/fakewidget"
	"github.com/jivokit/jivokit/wasm/jivo"
)

// page is a document as small as the bridge needs, under a
// Content-Security-Policy that allows scripts with the nonce of the page's
// own scripts and forbids eval: an appended <script> element runs when it
// carries that nonce, and eval throws.
const page = `
const realEval = globalThis.eval;
globalThis.bare = {appended: [], evals: 0};
globalThis.eval = () => { bare.evals++; throw new EvalError('Refused to evaluate a string as JavaScript'); };
globalThis.document = {
  createElement: (tag) => ({tagName: tag.toUpperCase()}),
  querySelector: (sel) => sel == 'script[nonce]' ? {nonce: 'n0nce'} : null,
  getElementById: () => null,
  documentElement: {
    appendChild(el) {
      bare.appended.push(el.tagName + ' ' + el.nonce);
      if (el.tagName == 'SCRIPT' && el.nonce == 'n0nce') (0, realEval)(el.textContent);
      return el;
    },
  },
};
`

// TestBarePage runs in order: the bridge brings the runtime, as a script
// element with the page's nonce, a missing widget ends calls with a clear
// error, and a widget that loads later is driven as usual.
func TestBarePage(t *testing.T) {
	fakewidget.Install() // defines the fake, but not jivo_api, and no runtime
	js.Global().Get("Function").New(page).Invoke()
	if !js.Global().Get("jivokit").IsUndefined() {
		t.Fatal("the page has a runtime before the bridge ran")
	}

	t.Run("no widget", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Millisecond)
		defer cancel()
		err := jivo.Ready(ctx)
		if !errors.Is(err, jivo.ErrNotLoaded) || !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("Ready: %v", err)
		}
		if want := "jivo: widget did not load: context deadline exceeded"; err == nil || err.Error() != want {
			t.Errorf("Ready: %v, want %q", err, want)
		}
		ctx, cancel = context.WithTimeout(context.Background(), 30*time.Millisecond)
		defer cancel()
		if _, err := jivo.ChatMode(ctx); !errors.Is(err, jivo.ErrNotLoaded) {
			t.Errorf("ChatMode: %v", err)
		}
	})

	k := js.Global().Get("jivokit")
	t.Run("runtime brought", func(t *testing.T) {
		if k.IsUndefined() || k.Get("version").String() != "1" {
			t.Fatalf("window.jivokit = %v after the first call", k)
		}
		bare := js.Global().Get("bare")
		if got := js.Global().Get("JSON").Call("stringify", bare).String(); got != `{"appended":["SCRIPT n0nce"],"evals":0}` {
			t.Errorf("the page saw %s, want one script element with the nonce and no eval", got)
		}
		jivo.OnClose(func() {})()
		if !js.Global().Get("jivokit").Equal(k) {
			t.Error("the runtime was evaluated again")
		}
	})

	t.Run("widget loads later", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		loaded := make(chan struct{}, 1)
		off := jivo.OnLoad(func() { loaded <- struct{}{} })
		defer off()
		mode := make(chan error, 1)
		go func() {
			m, err := jivo.ChatMode(ctx)
			if err == nil && m != "online" {
				err = errors.New("chat mode " + string(m))
			}
			mode <- err
		}()
		time.Sleep(5 * time.Millisecond)
		fakewidget.Load()
		if err := jivo.Ready(ctx); err != nil {
			t.Fatal(err)
		}
		select {
		case <-loaded:
		case <-ctx.Done():
			t.Fatal("OnLoad not called")
		}
		if err := <-mode; err != nil {
			t.Errorf("queued ChatMode: %v", err)
		}
		if err := jivo.StartCall(ctx, "+14084987855"); err != nil {
			t.Error(err)
		}
	})
}
