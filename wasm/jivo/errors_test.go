//go:build js && wasm

package jivo_test

import (
	"context"
	"errors"
	"testing"

	"github.com/jivokit/jivokit/jsapi"
	"github.com/jivokit/jivokit/wasm/internal/fakewidget"
	"github.com/jivokit/jivokit/wasm/jivo"
)

// TestWidgetFailures checks that each way the widget fails becomes a
// *jsapi.WidgetError with the method and the reason, matching the sentinels.
func TestWidgetFailures(t *testing.T) {
	tests := []struct {
		name, method, answer string
		call                 func(context.Context) error
		sentinel             error
		reason               string
	}{
		{"startCall disabled", "startCall", `() => ({result: 'fail', reason: 'Callback disabled'})`,
			func(ctx context.Context) error { return jivo.StartCall(ctx, "+14084987855") }, jsapi.ErrCallbackDisabled, "Callback disabled"},
		{"isCallbackEnabled unavailable", "isCallbackEnabled", `(cb) => setTimeout(() => cb({result: 'fail', reason: 'Callback unavailable'}), 1)`,
			func(ctx context.Context) error { return jivo.IsCallbackEnabled(ctx) }, jsapi.ErrCallbackUnavailable, "Callback unavailable"},
		{"isCallbackEnabled unavailable, the reference's spelling", "isCallbackEnabled", `(cb) => setTimeout(() => cb({result: 'fail', reason: 'Callback unavaiable'}), 1)`,
			func(ctx context.Context) error { return jivo.IsCallbackEnabled(ctx) }, jsapi.ErrCallbackUnavailable, "Callback unavaiable"},
		{"isCallbackEnabled disabled at once", "isCallbackEnabled", `(cb) => cb({result: 'fail', reason: 'Callback disabled'})`,
			func(ctx context.Context) error { return jivo.IsCallbackEnabled(ctx) }, jsapi.ErrCallbackDisabled, "Callback disabled"},
		{"setCustomData not array", "setCustomData", `() => ({result: 'fail', reason: 'Custom data must be array.'})`,
			func(ctx context.Context) error { return jivo.SetCustomData(ctx, nil) }, jsapi.ErrCustomDataNotArray, "Custom data must be array."},
		{"sendOfflineMessage error key", "sendOfflineMessage", `() => ({result: 'fail', error: 'Wrong email'})`,
			func(ctx context.Context) error {
				return jivo.SendOfflineMessage(ctx, jsapi.OfflineMessage{Email: "a@example.com", Message: "hi"})
			}, nil, "Wrong email"},
		{"getVisitorNumber err", "getVisitorNumber", `(cb) => setTimeout(() => cb('no visitor', null), 1)`,
			func(ctx context.Context) error { _, err := jivo.GetVisitorNumber(ctx); return err }, nil, "no visitor"},
		{"open throws", "open", `() => { throw new Error('boom') }`,
			func(ctx context.Context) error { return jivo.Open(ctx, jsapi.OpenOptions{}) }, nil, "boom"},
		{"setUserToken fail", "setUserToken", `() => ({result: 'fail', token: false})`,
			func(ctx context.Context) error { return jivo.SetUserToken(ctx, "x") }, jsapi.ErrTokenRefused, "token refused"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fakewidget.Answer(tt.method, tt.answer)
			defer fakewidget.Answer(tt.method, "")
			err := tt.call(testContext(t))
			var we *jsapi.WidgetError
			if !errors.As(err, &we) {
				t.Fatalf("error = %v (%T), want a *jsapi.WidgetError", err, err)
			}
			if we.Method != tt.method || we.Reason != tt.reason {
				t.Errorf("WidgetError{%q, %q}, want {%q, %q}", we.Method, we.Reason, tt.method, tt.reason)
			}
			if tt.sentinel != nil && !errors.Is(err, tt.sentinel) {
				t.Errorf("errors.Is(%v, %v) = false", err, tt.sentinel)
			}
			if errors.Is(err, jsapi.ErrQueueFull) {
				t.Errorf("errors.Is(%v, ErrQueueFull) = true", err)
			}
		})
	}
	calls()
}

// TestStatusAnswers checks that a status method succeeds only on the
// runtime's true ({result:'ok'} or nothing): any other answer is a
// *jsapi.WidgetError. isCallbackEnabled's failures without a reason (the
// reference's {result: 'fail', 'Callback unavaiable'}, a fail with no reason
// key) are
// jsapi.ErrCallbackUnavailable, as the spec's FailReason says; setUserToken's
// {result: 'fail', token} is jsapi.ErrTokenRefused.
func TestStatusAnswers(t *testing.T) {
	tests := []struct {
		method, answer string
		ok             bool
		reason         string
		sentinel       error
	}{
		{"isCallbackEnabled", `(cb) => cb({result: 'ok'})`, true, "", nil},
		{"isCallbackEnabled", `(cb) => cb({result: 'fail'})`, false, "Callback unavaiable", jsapi.ErrCallbackUnavailable},
		{"isCallbackEnabled", `(cb) => cb({result: 'fail', 0: 'Callback unavaiable'})`, false, "Callback unavaiable", jsapi.ErrCallbackUnavailable},
		{"isCallbackEnabled", `(cb) => cb({result: 'fail', reason: ''})`, false, "Callback unavaiable", jsapi.ErrCallbackUnavailable},
		{"isCallbackEnabled", `(cb) => cb({result: 'fail', reason: 'Callback disabled'})`, false, "Callback disabled", jsapi.ErrCallbackDisabled},
		// A bare string is no status answer, in the runtime as here.
		{"isCallbackEnabled", `(cb) => cb('Callback unavaiable')`, false, "answered a value of type string", nil},
		{"isCallbackEnabled", `(cb) => cb({result: 'unavailable'})`, false, "answered a value of type object", nil},
		{"isCallbackEnabled", `(cb) => cb({})`, false, "answered a value of type object", nil},
		{"isCallbackEnabled", `(cb) => cb(false)`, false, "answered a value of type boolean", nil},
		{"isCallbackEnabled", `(cb) => cb(null)`, false, "answered a value of type null", nil},
		{"isCallbackEnabled", `(cb) => cb(1)`, false, "answered a value of type number", nil},
		{"isCallbackEnabled", `(cb) => cb()`, false, "answered nothing", nil},
		{"setUserToken", `(t) => ({result: 'ok', token: t})`, true, "", nil},
		{"setUserToken", `(t) => ({result: 'fail', token: t || false})`, false, jsapi.ReasonTokenRefused, jsapi.ErrTokenRefused},
		{"setUserToken", `(t) => ({result: 'fail', reason: 'Busy'})`, false, "Busy", nil},
		{"startCall", `() => ({result: 'ok'})`, true, "", nil},
		{"startCall", `() => undefined`, true, "", nil},
		{"startCall", `() => 'ok'`, false, "answered a value of type string", nil},
		{"startCall", `() => false`, false, "answered a value of type boolean", nil},
		{"startCall", `() => null`, false, "answered a value of type null", nil},
		{"startCall", `() => ({result: 'busy'})`, false, "answered a value of type object", nil},
		{"startCall", `() => ({result: 'fail'})`, false, "", nil}, // no reason, and not mapped to unavailable
	}
	call := map[string]func(context.Context) error{
		"isCallbackEnabled": jivo.IsCallbackEnabled,
		"startCall":         func(ctx context.Context) error { return jivo.StartCall(ctx, "+14084987855") },
		"setUserToken":      func(ctx context.Context) error { return jivo.SetUserToken(ctx, "customer-42") },
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.answer, func(t *testing.T) {
			fakewidget.Answer(tt.method, tt.answer)
			defer fakewidget.Answer(tt.method, "")
			err := call[tt.method](testContext(t))
			if tt.ok {
				if err != nil {
					t.Errorf("error = %v, want nil", err)
				}
				return
			}
			var we *jsapi.WidgetError
			if !errors.As(err, &we) {
				t.Fatalf("error = %v (%T), want a *jsapi.WidgetError", err, err)
			}
			if we.Method != tt.method || we.Reason != tt.reason {
				t.Errorf("WidgetError{%q, %q}, want {%q, %q}", we.Method, we.Reason, tt.method, tt.reason)
			}
			if is := errors.Is(err, jsapi.ErrCallbackUnavailable); is != (tt.sentinel == jsapi.ErrCallbackUnavailable) {
				t.Errorf("errors.Is(%v, ErrCallbackUnavailable) = %v", err, is)
			}
			if tt.sentinel != nil && !errors.Is(err, tt.sentinel) {
				t.Errorf("errors.Is(%v, %v) = false", err, tt.sentinel)
			}
		})
	}
	calls()
}

func TestMethodMissingFromWidget(t *testing.T) {
	fakewidget.Eval("fakeJivo.saved = jivo_api.getUtm; delete jivo_api.getUtm")
	defer fakewidget.Eval("jivo_api.getUtm = fakeJivo.saved")
	_, err := jivo.GetUTM(testContext(t))
	if !errors.Is(err, jsapi.ErrNotSupported) {
		t.Errorf("GetUTM on a widget without getUtm: %v, want ErrNotSupported", err)
	}
}

// TestInvalidInput checks that bad values are an *jsapi.InputError and
// never reach the widget.
func TestInvalidInput(t *testing.T) {
	tests := []struct {
		name  string
		call  func(context.Context) error
		field string
	}{
		{"open start", func(ctx context.Context) error { return jivo.Open(ctx, jsapi.OpenOptions{Start: "nope"}) }, "start"},
		{"phone letters", func(ctx context.Context) error { return jivo.StartCall(ctx, "call me") }, "phone"},
		{"phone empty", func(ctx context.Context) error { return jivo.StartCall(ctx, "") }, "phone"},
		{"contact email", func(ctx context.Context) error {
			return jivo.SetContactInfo(ctx, jsapi.ContactInfo{Email: "nope"})
		}, "email"},
		{"custom data link", func(ctx context.Context) error {
			return jivo.SetCustomData(ctx, []jsapi.CustomField{{Content: "x", Link: "javascript:alert(1)"}})
		}, "fields[0].link"},
		{"custom data too many", func(ctx context.Context) error {
			return jivo.SetCustomData(ctx, make([]jsapi.CustomField, 11))
		}, "fields"},
		{"rules not object", func(ctx context.Context) error { return jivo.SetRules(ctx, jsapi.Rules(`[1]`)) }, "rules"},
		{"rules bad JSON", func(ctx context.Context) error { return jivo.SetRules(ctx, jsapi.Rules(`{"a":}`)) }, "rules"},
		{"rules two objects", func(ctx context.Context) error { return jivo.SetRules(ctx, jsapi.Rules(`{"a":1},{"b":2}`)) }, "rules"},
		{"token empty", func(ctx context.Context) error { return jivo.SetUserToken(ctx, " ") }, "token"},
		{"invitation empty", func(ctx context.Context) error {
			return jivo.ShowProactiveInvitation(ctx, jsapi.Invitation{})
		}, "invitation_text"},
		{"offline no contact", func(ctx context.Context) error {
			return jivo.SendOfflineMessage(ctx, jsapi.OfflineMessage{Message: "hi"})
		}, "email"},
		{"color", func(ctx context.Context) error { return jivo.SetWidgetColor(ctx, jsapi.WidgetColor{Color: "red"}) }, "color"},
		{"title empty", func(ctx context.Context) error { return jivo.SendPageTitle(ctx, jsapi.PageTitle{}) }, "title"},
		{"attributes empty", func(ctx context.Context) error { return jivo.SetClientAttributes(ctx, nil) }, "attributes"},
		{"attributes NaN", func(ctx context.Context) error {
			return jivo.SetClientAttributes(ctx, jsapi.ClientAttributes{"x": zero / zero})
		}, `attributes["x"]`},
	}
	calls()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.call(testContext(t))
			var ie *jsapi.InputError
			if !errors.As(err, &ie) {
				t.Fatalf("error = %v (%T), want a *jsapi.InputError", err, err)
			}
			if ie.Field != tt.field {
				t.Errorf("InputError.Field = %q, want %q (%v)", ie.Field, tt.field, err)
			}
			if c := calls(); len(c) > 0 {
				t.Errorf("the widget received %q", c)
			}
		})
	}
}

var zero float64

func TestCanceledContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	calls()
	if err := jivo.Close(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("Close with a canceled context: %v", err)
	}
	if c := calls(); len(c) > 0 {
		t.Errorf("the widget received %q", c)
	}
}

// TestCancelAsync cancels the wait for an async method whose callback comes
// late: the call returns ctx.Err() and the late answer goes nowhere, not
// to the next call, which waits while it arrives.
func TestCancelAsync(t *testing.T) {
	// The n-th call answers n: the first after 50ms, the second after 100ms.
	fakewidget.Eval(`fakeJivo.n = 0`)
	fakewidget.Answer("getVisitorNumber", `(cb) => { const n = ++fakeJivo.n; setTimeout(() => cb(null, n), n * 50) }`)
	defer fakewidget.Answer("getVisitorNumber", "")
	ctx, cancel := context.WithCancel(testContext(t))
	go cancel()
	if _, err := jivo.GetVisitorNumber(ctx); !errors.Is(err, context.Canceled) || errors.Is(err, jivo.ErrNotLoaded) {
		t.Errorf("GetVisitorNumber canceled: %v, want context.Canceled alone", err)
	}
	n, err := jivo.GetVisitorNumber(testContext(t))
	if err != nil || n != 2 {
		t.Errorf("GetVisitorNumber after a canceled one = %d, %v; want its own answer, 2", n, err)
	}
	calls()
}
