//go:build js && wasm

package jivo

import (
	"context"
	"sync"
	"syscall/js"

	"github.com/jivokit/jivokit/jsapi"
	"github.com/jivokit/jivokit/jsapi/runtime"
)

var lifeOnce sync.Mutex

// life returns the page runtime with the life script's functions, adding
// the script (runtime.Life) as the bridge adds the runtime when the page
// lacks it.
func life() (*page, error) {
	p, err := bridge()
	if err != nil {
		return nil, err
	}
	lifeOnce.Lock()
	defer lifeOnce.Unlock()
	if p.jivokit.Get("hide").Type() != js.TypeFunction {
		installScript(js.Global(), runtime.Life)
	}
	if p.jivokit.Get("hide").Type() != js.TypeFunction {
		return nil, ErrNoLife
	}
	return p, nil
}

// installScript evaluates js as an inline script element with the nonce
// of the page's scripts.
func installScript(global js.Value, src string) {
	defer ignorePanic()
	doc := global.Get("document")
	s := doc.Call("createElement", "script")
	if n := doc.Call("querySelector", "script[nonce]"); n.Type() == js.TypeObject {
		s.Set("nonce", n.Get("nonce"))
	}
	s.Set("textContent", src)
	doc.Get("documentElement").Call("appendChild", s)
}

// toggle calls jivokit.hide or show.
func toggle(method, reason string) error {
	if err := checkReason(method, reason); err != nil {
		return err
	}
	p, err := life()
	if err != nil {
		return err
	}
	r, why := try(p.jivokit, method, reason)
	if why != "" {
		return &jsapi.WidgetError{Method: method, Reason: why}
	}
	return jsError(p, method, r)
}

// jsError converts a JivoError the runtime answered into a
// *jsapi.WidgetError, and anything else into nil.
func jsError(p *page, method string, r js.Value) error {
	if r.Type() == js.TypeObject && r.InstanceOf(p.jivoError) {
		return &jsapi.WidgetError{Method: method, Reason: text(r.Get("reason"))}
	}
	return nil
}

// Hide hides the widget for reason ("modal", "route", ...): it is then
// neither visible nor focusable, and hidden from assistive technology,
// with its chat as it was. Reasons stack: the widget shows again once
// Show has released every reason it is hidden for. Hiding for a reason
// already held does nothing. A reason must be a word of letters, digits,
// '-' and '_' (at most 32); the life script adds "route", "viewport",
// "element" and "launcher" for its rules.
func Hide(reason string) error { return toggle("hide", reason) }

// Show releases reason; a reason the widget is not hidden for is a no-op.
func Show(reason string) error { return toggle("show", reason) }

// settle waits for the promise r and returns its value.
func settle(ctx context.Context, method string, r js.Value) (js.Value, error) {
	ch := make(chan js.Value, 1)
	f := js.FuncOf(func(_ js.Value, a []js.Value) any {
		if len(a) > 0 {
			ch <- a[0]
		} else {
			ch <- js.Undefined()
		}
		return nil
	})
	defer f.Release()
	r.Call("then", f)
	select {
	case v := <-ch:
		return v, nil
	case <-ctx.Done():
		return js.Value{}, &notLoadedError{method: method, errs: []error{ErrNotLoaded, ctx.Err()}}
	}
}

// Reset ends the widget for this visitor, for log-out and withdrawn
// consent: clearHistory (when loaded) and jivo_destroy; the vendor's
// localStorage keys (jv_*, __jivoLoader), its globals (jivo_magic_var,
// jivo_config, jivo_api) and its elements go. Then the widget stays
// unloaded (PhaseNotRequested until Load) or, with opts.Load, loads again
// for the visitor opts describe, and Reset waits for that load (ctx ends
// it with an error that wraps ErrNotLoaded). Before anything was
// requested, only the stored keys and the page configuration go.
func Reset(ctx context.Context, opts ResetOptions) error {
	p, err := life()
	if err != nil {
		return err
	}
	a := &args{}
	a.add(`{"load":`)
	if opts.Load {
		a.add("true")
	} else {
		a.add("false")
	}
	a.add(`,"config":{`)
	if opts.Token != "" {
		a.add(`"user_token":`)
		a.str(opts.Token)
	}
	if c := opts.ContactInfo; c != nil {
		if err := c.Validate(); err != nil {
			return err
		}
		if opts.Token != "" {
			a.add(",")
		}
		a.add(`"contact_info":`)
		a.object(keysOfflineMessage[:4], c.Name, c.Email, c.Phone, c.Description)
	}
	a.add("}}")
	o, why := try(p.json, "parse", string(a.json))
	if why != "" {
		return &jsapi.WidgetError{Method: "reset", Reason: why}
	}
	r, why := try(p.jivokit, "reset", o)
	if why != "" {
		return &jsapi.WidgetError{Method: "reset", Reason: why}
	}
	v, err := settle(ctx, "reset", r)
	if err != nil {
		return err
	}
	return jsError(p, "reset", v)
}

// SwitchWidget loads the widget with another id in this page, with the
// page's configuration: a widget's language is its channel's, so this is
// how a page switches language (templates.WithLanguages picks one per
// request on the server). id follows the vendor's rule: all digits, or
// exactly ten letters and digits. It waits until the new widget has
// loaded; ctx ends the wait with an error that wraps ErrNotLoaded.
func SwitchWidget(ctx context.Context, id string) error {
	if err := checkWidgetID(id); err != nil {
		return err
	}
	p, err := life()
	if err != nil {
		return err
	}
	r, why := try(p.jivokit, "switchWidget", id)
	if why != "" {
		return &jsapi.WidgetError{Method: "switchWidget", Reason: why}
	}
	v, err := settle(ctx, "switchWidget", r)
	if err != nil {
		return err
	}
	return jsError(p, "switchWidget", v)
}

// stateOf reads a jivokit.state object.
func stateOf(v js.Value) State {
	s := State{Open: v.Get("open").Truthy(), Online: v.Get("online").Truthy()}
	if n := v.Get("unread"); n.Type() == js.TypeNumber {
		s.Unread = n.Int()
	}
	name := text(v.Get("phase"))
	for i, n := range phaseNames {
		if n == name {
			s.Phase = Phase(i + 1)
		}
	}
	return s
}

// CurrentState returns the widget's live state.
func CurrentState() (State, error) {
	p, err := life()
	if err != nil {
		return State{}, err
	}
	return stateOf(p.jivokit.Get("state")), nil
}

// OnState calls fn with the widget's state each time it changes, in
// order, on a goroutine of its own (fn may block; later states wait). It
// returns the function that stops it. Without the life script on the page
// and no way to add it, the error goes to the error handler
// (SetErrorHandler) and the returned function does nothing.
func OnState(fn func(State)) (unsubscribe func()) {
	p, err := life()
	if err != nil {
		report(err, "")
		return nop
	}
	var (
		mu      sync.Mutex
		queue   []State
		running bool
		stopped bool
	)
	drain := func() {
		for {
			mu.Lock()
			if len(queue) == 0 || stopped {
				running = false
				mu.Unlock()
				return
			}
			s := queue[0]
			queue = queue[1:]
			mu.Unlock()
			fn(s)
		}
	}
	f := js.FuncOf(func(_ js.Value, a []js.Value) any {
		if len(a) == 0 {
			return nil
		}
		s := stateOf(a[0])
		mu.Lock()
		queue = append(queue, s)
		start := !running && !stopped
		running = running || start
		mu.Unlock()
		if start {
			go drain()
		}
		return nil
	})
	off, why := try(p.jivokit, "onState", f)
	if why != "" {
		f.Release()
		report(&jsapi.WidgetError{Method: "onState", Reason: why}, "")
		return nop
	}
	var once sync.Once
	return func() {
		once.Do(func() {
			mu.Lock()
			stopped = true
			mu.Unlock()
			try(off, "call")
			f.Release()
		})
	}
}

// checkReason checks a hide or show reason as the life script does: a
// letter, then letters, digits, '-' and '_', 32 at most.
func checkReason(method, reason string) error {
	ok := len(reason) > 0 && len(reason) <= 32
	for i := 0; ok && i < len(reason); i++ {
		c := reason[i]
		letter := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
		ok = letter || i > 0 && ('0' <= c && c <= '9' || c == '-' || c == '_')
	}
	if !ok {
		return &jsapi.WidgetError{Method: method, Reason: "reason must be a word of letters, digits, - and _ (at most 32), not " + quoteText(reason)}
	}
	return nil
}

// checkWidgetID checks id by the vendor's rule: all digits, or exactly ten
// letters and digits.
func checkWidgetID(id string) error {
	digits, alnum := id != "", id != ""
	for i := 0; i < len(id); i++ {
		c := id[i]
		d := '0' <= c && c <= '9'
		digits = digits && d
		alnum = alnum && (d || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z')
	}
	if digits || alnum && len(id) == 10 {
		return nil
	}
	return &jsapi.WidgetError{Method: "switchWidget", Reason: "Widget id is not valid: " + quoteText(id) + " (all digits, or exactly 10 letters and digits)"}
}

// quoteText quotes s for an error message without package strconv's
// tables.
func quoteText(s string) string { return `"` + s + `"` }
