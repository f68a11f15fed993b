//go:build js && wasm

package jivo_test

import (
	"context"
	"errors"
	"runtime"
	"syscall/js"
	"testing"
	"time"

	"github.com/jivokit/jivokit/jsapi"
	"github.com/jivokit/jivokit/wasm/jivo"
)

// fakeLife stands in for the life script, whose own tests run on a page
// (jsapi/runtime under Node and in Chromium): it records what the bridge
// passes and answers as the script does.
const fakeLife = `(() => {
  const k = window.jivokit;
  const log = (window.lifeCalls = []);
  k.hide = (r) => (log.push('hide ' + r), r == 'refused' ? new k.JivoError('hide', 'no') : true);
  k.show = (r) => (log.push('show ' + r), false);
  k.reset = (o) => (log.push('reset ' + JSON.stringify(o)), Promise.resolve(o.config.user_token == 'bad' ? new k.JivoError('reset', 'the page has no widget script to load again') : undefined));
  k.switchWidget = (id) => (log.push('switchWidget ' + id), id == '999' ? new Promise(() => {}) : Promise.resolve());
  let st = {phase: 'loaded', open: false, online: true, unread: 2};
  Object.defineProperty(k, 'state', {configurable: true, get: () => Object.assign({}, st)});
  const subs = [];
  k.onState = (f) => (subs.push(f), () => (log.push('off'), subs.splice(subs.indexOf(f), 1)));
  window.lifeEmit = (s) => { st = s; subs.forEach((f) => f(Object.assign({}, s))); };
})()`

func lifeCalls() []string {
	v := js.Global().Get("lifeCalls")
	out := make([]string, v.Length())
	for i := range out {
		out[i] = v.Index(i).String()
	}
	js.Global().Call("eval", "lifeCalls.length = 0")
	return out
}

func TestLife(t *testing.T) {
	// The bridge does not add the life script: the page renders it.
	if err := jivo.Hide("modal"); !errors.Is(err, jivo.ErrNoLife) {
		t.Fatalf("Hide without the life script: %v, want ErrNoLife", err)
	}
	js.Global().Call("eval", fakeLife)
	ctx := testContext(t)

	for _, bad := range []string{"", "has space", "9lives", "a-very-long-reason-that-is-too-long"} {
		var we *jsapi.WidgetError
		if err := jivo.Hide(bad); !errors.As(err, &we) || we.Method != "hide" {
			t.Errorf("Hide(%q) = %v, want a WidgetError", bad, err)
		}
	}
	if err := jivo.Hide("modal"); err != nil {
		t.Error(err)
	}
	if err := jivo.Show("route_2"); err != nil {
		t.Error(err)
	}
	var we *jsapi.WidgetError
	if err := jivo.Hide("refused"); !errors.As(err, &we) || we.Reason != "no" {
		t.Errorf("a JivoError answer: %v", err)
	}
	if err := jivo.Reset(ctx, jivo.ResetOptions{}); err != nil {
		t.Error(err)
	}
	if err := jivo.Reset(ctx, jivo.ResetOptions{Load: true, Token: `t"1`, ContactInfo: &jsapi.ContactInfo{Name: "Bob", Email: "bob@example.com"}}); err != nil {
		t.Error(err)
	}
	if err := jivo.Reset(ctx, jivo.ResetOptions{Token: "bad"}); !errors.As(err, &we) || we.Method != "reset" {
		t.Errorf("a reset the script refuses: %v", err)
	}
	// jivokit's advice on contact info, as for SetContactInfo: reported
	// and passed on, refused under SetStrict.
	var advised []error
	jivo.SetErrorHandler(func(err error) { advised = append(advised, err) })
	if err := jivo.Reset(ctx, jivo.ResetOptions{ContactInfo: &jsapi.ContactInfo{Email: "not an email"}}); err != nil || len(advised) != 1 {
		t.Errorf("advice on the contact info: %v, reported %v", err, advised)
	}
	jivo.SetStrict(true)
	if err := jivo.Reset(ctx, jivo.ResetOptions{ContactInfo: &jsapi.ContactInfo{Email: "not an email"}}); err == nil {
		t.Error("under SetStrict, advice on the contact info did not refuse the reset")
	}
	jivo.SetStrict(false)
	jivo.SetErrorHandler(nil)
	for _, bad := range []string{"abc", "12345abcde1", "", "abc-def-gh"} {
		if err := jivo.SwitchWidget(ctx, bad); !errors.As(err, &we) || we.Method != "switchWidget" {
			t.Errorf("SwitchWidget(%q) = %v, want a WidgetError", bad, err)
		}
	}
	if err := jivo.SwitchWidget(ctx, "AbCdE12345"); err != nil {
		t.Error(err)
	}
	short, cancel := context.WithTimeout(ctx, 20*time.Millisecond)
	defer cancel()
	// (On a page the switch leaves the widget unloaded, and the error also
	// wraps ErrNotLoaded; this fake page's widget stays loaded.)
	if err := jivo.SwitchWidget(short, "999"); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("a switch that never loads: %v", err)
	}
	want := []string{
		"hide modal", "show route_2", "hide refused",
		`reset {"load":false,"config":{}}`,
		`reset {"load":true,"config":{"user_token":"t\"1","contact_info":{"name":"Bob","email":"bob@example.com"}}}`,
		`reset {"load":false,"config":{"user_token":"bad"}}`,
		`reset {"load":false,"config":{"contact_info":{"email":"not an email"}}}`,
		"switchWidget AbCdE12345", "switchWidget 999",
	}
	if got := lifeCalls(); len(got) != len(want) {
		t.Errorf("calls:\n%q\nwant\n%q", got, want)
	} else {
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("call %d: %s, want %s", i, got[i], want[i])
			}
		}
	}

	s, err := jivo.CurrentState()
	if err != nil || s != (jivo.State{Phase: jivo.PhaseLoaded, Online: true, Unread: 2}) {
		t.Errorf("CurrentState() = %+v, %v", s, err)
	}
	got := make(chan jivo.State, 10)
	off := jivo.OnState(func(s jivo.State) { got <- s })
	js.Global().Call("eval", `lifeEmit({phase: 'loaded', open: true, online: true, unread: 0}); lifeEmit({phase: 'destroyed', open: false, online: false, unread: 0})`)
	for _, w := range []jivo.State{{Phase: jivo.PhaseLoaded, Open: true, Online: true}, {Phase: jivo.PhaseDestroyed}} {
		select {
		case s := <-got:
			if s != w {
				t.Errorf("state %+v, want %+v", s, w)
			}
		case <-ctx.Done():
			t.Fatal("no state change")
		}
	}
	// A listener that panics is reported; the states after it still come.
	var reported []error
	jivo.SetErrorHandler(func(err error) { reported = append(reported, err) })
	defer jivo.SetErrorHandler(nil)
	offPanic := jivo.OnState(func(s jivo.State) {
		if s.Unread == 7 {
			panic("a listener's bug")
		}
		got <- s
	})
	js.Global().Call("eval", `lifeEmit({phase: 'loaded', open: false, online: true, unread: 7}); lifeEmit({phase: 'loaded', open: false, online: true, unread: 8})`)
	seen := map[int]int{}
	for i := 0; i < 3; i++ {
		select {
		case s := <-got:
			seen[s.Unread]++
		case <-ctx.Done():
			t.Fatalf("states after a panic: %v", seen)
		}
	}
	if seen[7] != 1 || seen[8] != 2 {
		t.Errorf("states after a panic: %v, want 7 once (the other listener) and 8 twice", seen)
	}
	var pe *jivo.PanicError
	if len(reported) != 1 || !errors.As(reported[0], &pe) || pe.Callback != "jivokit.onState" {
		t.Errorf("reported %v", reported)
	}
	offPanic()
	if c := lifeCalls(); len(c) != 0 {
		t.Errorf("the page's subscription ended while another Go one is left: %q", c)
	}
	off()
	off()
	if c := lifeCalls(); len(c) != 1 || c[0] != "off" {
		t.Errorf("unsubscribe: %q", c)
	}
	js.Global().Call("eval", `lifeEmit({phase: 'loaded', open: true, online: true, unread: 5})`)
	select {
	case s := <-got:
		t.Errorf("a state after unsubscribe: %+v", s)
	case <-time.After(20 * time.Millisecond):
	}
	// The tests after this one time calls in milliseconds: leave them no
	// garbage to collect.
	runtime.GC()
}
