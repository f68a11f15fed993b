//go:build js && wasm

package jivo

import (
	"context"
	"runtime"
	"syscall/js"

	"github.com/jivokit/jivokit/jsapi"
)

// life returns the page runtime when the page has the life script
// (runtime.Life: templates.WithLife renders it). Unlike the runtime, the
// bridge does not add it: its 4 KB would weigh on every program that
// calls one of these functions, while the page that uses them renders it.
func life() (*page, error) {
	p, err := bridge()
	if err != nil {
		return nil, err
	}
	if p.jivokit.Get("hide").Type() != js.TypeFunction {
		return nil, ErrNoLife
	}
	return p, nil
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

// lifeCall calls jivokit's method with arg and, when it answers a
// promise, waits for it as a queued call waits; a JivoError answer is a
// *jsapi.WidgetError.
func lifeCall(ctx context.Context, p *page, method string, arg any) error {
	r, why := try(p.jivokit, method, arg)
	if why != "" {
		return &jsapi.WidgetError{Method: method, Reason: why}
	}
	if r.Type() == js.TypeObject && r.Get("then").Type() == js.TypeFunction {
		var err error
		if r, err = wait(ctx, p, -1, r); err != nil {
			return err
		}
	}
	return jsError(p, method, r)
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
		// As for SetContactInfo: the vendor's rules refuse, jivokit's
		// advice is reported (or refuses under SetStrict).
		if err := c.Validate(); err != nil {
			if jsapi.Refusal(err, strict) != nil {
				return err
			}
			advise(err)
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
	return lifeCall(ctx, p, "reset", o)
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
	return lifeCall(ctx, p, "switchWidget", id)
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

// stateIndex is fromJS's first argument when jivokit.onState reports a
// state: the index after ready's.
const stateIndex = readyIndex + 1

// stateSubs are OnState's subscriptions; like hubs' listeners, the list is
// replaced, never changed in place, and fromJS reads it without a lock.
var stateSubs []*stateSub

// stateOff ends the jivokit.onState subscription, made for the first
// OnState and ended with the last.
var stateOff js.Value

// A stateSub is one OnState subscription: states queue in JavaScript's
// turn and run in order on a goroutine of its own. This port runs one
// goroutine at a time and switches only where one blocks, so its fields
// need no lock.
type stateSub struct {
	fn      func(State)
	queue   []State
	running bool
	stopped bool
}

// stateEvent hands a state jivokit.onState reported to every subscription.
func stateEvent(args []js.Value) {
	if len(args) == 0 {
		return
	}
	s := stateOf(args[0])
	for _, l := range stateSubs {
		l.queue = append(l.queue, s)
		if !l.running {
			l.running = true
			go l.drain()
		}
	}
}

// drain runs l's queued states; a panic of fn is reported as a listener's
// is (a *PanicError), and the states after it run on a new goroutine.
func (l *stateSub) drain() {
	defer func() {
		if x := recover(); x != nil {
			buf := make([]byte, 4096)
			buf = buf[:runtime.Stack(buf, false)]
			report(&PanicError{Callback: "jivokit.onState", Value: x, Stack: buf}, "\n"+string(buf))
			go l.drain()
		}
	}()
	for len(l.queue) > 0 && !l.stopped {
		s := l.queue[0]
		l.queue = l.queue[1:]
		l.fn(s)
	}
	l.running = false
}

// OnState calls fn with the widget's state each time it changes, in
// order, on a goroutine of its own (fn may block; later states wait). It
// returns the function that stops it. Without the life script on the page
// the error (ErrNoLife) goes to the error handler (SetErrorHandler) and
// the returned function does nothing.
func OnState(fn func(State)) (unsubscribe func()) {
	p, err := life()
	if err != nil {
		report(err, "")
		return nop
	}
	l := &stateSub{fn: fn}
	// One jivokit.onState subscription serves every Go one.
	if len(stateSubs) == 0 {
		var why string
		if stateOff, why = try(p.jivokit, "onState", p.fromJS.Call("bind", nil, stateIndex)); why != "" {
			report(&jsapi.WidgetError{Method: "onState", Reason: why}, "")
			return nop
		}
	}
	stateSubs = append(stateSubs[:len(stateSubs):len(stateSubs)], l)
	return func() {
		if l.stopped {
			return
		}
		l.stopped = true
		var next []*stateSub
		for _, x := range stateSubs {
			if x != l {
				next = append(next, x)
			}
		}
		if stateSubs = next; next == nil {
			try(stateOff, "call")
		}
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

// checkWidgetID checks id by the vendor's rule (jsapi.ValidWidgetID).
func checkWidgetID(id string) error {
	if jsapi.ValidWidgetID(id) {
		return nil
	}
	return &jsapi.WidgetError{Method: "switchWidget", Reason: "Widget id is not valid: " + quoteText(id) + " (all digits, or exactly 10 letters and digits)"}
}

// quoteText puts s in double quotes for an error message; it escapes
// nothing (package strconv's quoting would link its tables).
func quoteText(s string) string { return `"` + s + `"` }
