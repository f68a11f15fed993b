//go:build js && wasm

package jivo_test

import (
	"context"
	"errors"
	"strings"
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

// TestInvalidInput checks that values the vendor does not take, or that
// cannot be written, are an *jsapi.InputError and never reach the widget,
// in either mode.
func TestInvalidInput(t *testing.T) {
	tests := []struct {
		name  string
		call  func(context.Context) error
		field string
	}{
		{"custom data too many", func(ctx context.Context) error {
			return jivo.SetCustomData(ctx, make([]jsapi.CustomField, 11))
		}, "fields"},
		{"custom data invalid UTF-8", func(ctx context.Context) error {
			return jivo.SetCustomData(ctx, []jsapi.CustomField{{Content: "a\xff"}})
		}, "fields[0].content"},
		{"rules not object", func(ctx context.Context) error { return jivo.SetRules(ctx, jsapi.Rules(`[1]`)) }, "rules"},
		{"rules bad JSON", func(ctx context.Context) error { return jivo.SetRules(ctx, jsapi.Rules(`{"a":}`)) }, "rules"},
		{"rules two objects", func(ctx context.Context) error { return jivo.SetRules(ctx, jsapi.Rules(`{"a":1},{"b":2}`)) }, "rules"},
		{"token invalid UTF-8", func(ctx context.Context) error { return jivo.SetUserToken(ctx, "v1.\xff") }, "token"},
		{"phone invalid UTF-8", func(ctx context.Context) error { return jivo.StartCall(ctx, "+1408\xff") }, "phone"},
		{"title invalid UTF-8", func(ctx context.Context) error { return jivo.SendPageTitle(ctx, jsapi.PageTitle{Title: "\xff"}) }, "title"},
		{"attributes NaN", func(ctx context.Context) error {
			return jivo.SetClientAttributes(ctx, jsapi.ClientAttributes{"x": zero / zero})
		}, `attributes["x"]`},
		{"attributes bool", func(ctx context.Context) error {
			return jivo.SetClientAttributes(ctx, jsapi.ClientAttributes{"x": true})
		}, `attributes["x"]`},
	}
	calls()
	for _, strict := range []bool{false, true} {
		jivo.SetStrict(strict)
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				err := tt.call(testContext(t))
				var ie *jsapi.InputError
				if !errors.As(err, &ie) {
					t.Fatalf("strict %v: error = %v (%T), want a *jsapi.InputError", strict, err, err)
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
	jivo.SetStrict(false)
}

// TestAdvice checks that values that break only jivokit's advice reach the
// widget unchanged by default, with a *jsapi.Warning for the error handler
// and console.warn, and that SetStrict(true) refuses them with that
// *jsapi.Warning before any widget sees them.
func TestAdvice(t *testing.T) {
	tests := []struct {
		name  string
		call  func(context.Context) error
		field string
		sent  string // what the widget receives
	}{
		{"phone with an extension", func(ctx context.Context) error { return jivo.StartCall(ctx, "+1 (408) 498-7855 ext. 2") }, "phone", "+1 (408) 498-7855 ext. 2"},
		{"phone empty", func(ctx context.Context) error { return jivo.StartCall(ctx, "") }, "phone", `startCall [""]`},
		{"open start", func(ctx context.Context) error { return jivo.Open(ctx, jsapi.OpenOptions{Start: "nope"}) }, "start", "nope"},
		{"contact intranet email", func(ctx context.Context) error {
			return jivo.SetContactInfo(ctx, jsapi.ContactInfo{Email: "admin@intranet"})
		}, "email", "admin@intranet"},
		{"custom data relative link", func(ctx context.Context) error {
			return jivo.SetCustomData(ctx, []jsapi.CustomField{{Content: "Add", Link: "/crm/add"}})
		}, "fields[0].link", "/crm/add"},
		{"custom data mailto link", func(ctx context.Context) error {
			return jivo.SetCustomData(ctx, []jsapi.CustomField{{Content: "Mail", Link: "mailto:ann@example.com"}})
		}, "fields[0].link", "mailto:ann@example.com"},
		{"token blank", func(ctx context.Context) error { return jivo.SetUserToken(ctx, " ") }, "token", `setUserToken [" "]`},
		{"invitation empty", func(ctx context.Context) error {
			return jivo.ShowProactiveInvitation(ctx, jsapi.Invitation{})
		}, "invitation_text", "showProactiveInvitation"},
		{"offline no contact", func(ctx context.Context) error {
			return jivo.SendOfflineMessage(ctx, jsapi.OfflineMessage{Message: "hi"})
		}, "email", `"message":"hi"`},
		{"color", func(ctx context.Context) error { return jivo.SetWidgetColor(ctx, jsapi.WidgetColor{Color: "red"}) }, "color", `"red"`},
		{"title empty", func(ctx context.Context) error { return jivo.SendPageTitle(ctx, jsapi.PageTitle{}) }, "title", "sendPageTitle"},
		{"attributes empty", func(ctx context.Context) error { return jivo.SetClientAttributes(ctx, nil) }, "attributes", "setClientAttributes"},
	}
	var reported []error
	jivo.SetErrorHandler(func(err error) { reported = append(reported, err) })
	defer jivo.SetErrorHandler(nil)
	fakewidget.Eval(`fakeJivo.warnings = []; fakeJivo.consoleWarn = console.warn; console.warn = (...a) => fakeJivo.warnings.push(a.join(' '))`)
	defer fakewidget.Eval(`console.warn = fakeJivo.consoleWarn`)
	calls()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reported = nil
			err := tt.call(testContext(t))
			if jsapi.IsAdvice(err) {
				t.Fatalf("default mode refused: %v", err)
			}
			var w *jsapi.Warning
			if len(reported) != 1 || !errors.As(reported[0], &w) || w.Field != tt.field {
				t.Fatalf("reported %v, want one *jsapi.Warning for %s", reported, tt.field)
			}
			if c := calls(); len(c) != 1 || !strings.Contains(c[0], tt.sent) {
				t.Errorf("the widget received %q, want one call with %q", c, tt.sent)
			}
		})
	}
	if n := fakewidget.Eval(`fakeJivo.warnings.filter((w) => w.indexOf('jivo: advice: ') === 0).length`).Int(); n != len(tests) {
		t.Errorf("console.warn got %d warnings, want %d", n, len(tests))
	}
	jivo.SetStrict(true)
	defer jivo.SetStrict(false)
	for _, tt := range tests {
		t.Run("strict "+tt.name, func(t *testing.T) {
			reported = nil
			err := tt.call(testContext(t))
			var w *jsapi.Warning
			if !errors.As(err, &w) || w.Field != tt.field || len(reported) != 0 {
				t.Fatalf("error = %v (%T), reported %v; want the *jsapi.Warning for %s, unreported", err, err, reported, tt.field)
			}
			if c := calls(); len(c) > 0 {
				t.Errorf("the widget received %q", c)
			}
		})
	}
}

// TestPageTitleCapped: a title over jsapi.MaxPageTitle characters reaches
// the widget cut to that many, on a character boundary, with a warning.
func TestPageTitleCapped(t *testing.T) {
	var reported []error
	jivo.SetErrorHandler(func(err error) { reported = append(reported, err) })
	defer jivo.SetErrorHandler(nil)
	calls()
	title := strings.Repeat("é", jsapi.MaxPageTitle) + "🙂 and more"
	if err := jivo.SendPageTitle(testContext(t), jsapi.PageTitle{Title: title}); err != nil {
		t.Fatal(err)
	}
	c := calls()
	want := `sendPageTitle ["` + strings.Repeat("é", jsapi.MaxPageTitle) + `",true]`
	if len(c) != 1 || c[0] != want || len(reported) != 1 || !jsapi.IsAdvice(reported[0]) {
		t.Fatalf("the widget received %.80q..., reported %v", c, reported)
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
