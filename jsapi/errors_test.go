package jsapi

import (
	"errors"
	"fmt"
	"testing"
)

func TestWidgetErrorMessage(t *testing.T) {
	for _, tc := range []struct {
		name string
		err  *WidgetError
		want string
	}{
		{"method and reason", &WidgetError{Method: "startCall", Reason: "Callback disabled"}, "jivo: startCall: Callback disabled"},
		{"no method", &WidgetError{Reason: "queue full"}, "jivo: queue full"},
		{"no reason", &WidgetError{Method: "setUserToken"}, "jivo: setUserToken: failed without a reason"},
		{"nothing", &WidgetError{}, "jivo: failed without a reason"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.err.Error(); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestWidgetErrorIs(t *testing.T) {
	disabled := &WidgetError{Method: "startCall", Reason: "Callback disabled"}
	wrapped := fmt.Errorf("calling back: %w", disabled)
	for _, tc := range []struct {
		name   string
		err    error
		target error
		want   bool
	}{
		{"sentinel matches any method", disabled, ErrCallbackDisabled, true},
		{"through %w", wrapped, ErrCallbackDisabled, true},
		{"other reason", disabled, ErrCallbackUnavailable, false},
		{"the reference's spelling", &WidgetError{Method: "startCall", Reason: "Callback unavaiable"}, ErrCallbackUnavailable, true},
		{"the correct spelling", &WidgetError{Method: "isCallbackEnabled", Reason: "Callback unavailable"}, ErrCallbackUnavailable, true},
		{"spellings match each other", &WidgetError{Reason: "Callback unavailable"}, &WidgetError{Reason: "Callback unavaiable"}, true},
		{"either spelling, other method named", &WidgetError{Method: "open", Reason: "Callback unavailable"}, &WidgetError{Method: "startCall", Reason: "Callback unavaiable"}, false},
		{"unavailable is not disabled", &WidgetError{Reason: "Callback unavaiable"}, ErrCallbackDisabled, false},
		{"another misspelling", &WidgetError{Reason: "Callback unavailible"}, ErrCallbackUnavailable, false},
		{"same method named in the target", disabled, &WidgetError{Method: "startCall", Reason: "Callback disabled"}, true},
		{"other method named in the target", disabled, &WidgetError{Method: "isCallbackEnabled", Reason: "Callback disabled"}, false},
		{"queue full", &WidgetError{Method: "open", Reason: "queue full"}, ErrQueueFull, true},
		{"not supported", &WidgetError{Method: "sendPageTitle", Reason: "not supported by this widget"}, ErrNotSupported, true},
		{"custom data", &WidgetError{Method: "setCustomData", Reason: "Custom data must be array."}, ErrCustomDataNotArray, true},
		{"not a WidgetError target", disabled, errors.New("Callback disabled"), false},
		{"an InputError is no widget failure", &InputError{Field: "phone", Problem: "is empty"}, ErrCallbackDisabled, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := errors.Is(tc.err, tc.target); got != tc.want {
				t.Errorf("errors.Is(%v, %v) = %v, want %v", tc.err, tc.target, got, tc.want)
			}
		})
	}
}

func TestWidgetErrorAs(t *testing.T) {
	err := fmt.Errorf("open chat: %w", &WidgetError{Method: "open", Reason: "Widget hidden"})
	var we *WidgetError
	if !errors.As(err, &we) || we.Method != "open" || we.Reason != "Widget hidden" {
		t.Errorf("errors.As: %v, %+v", errors.As(err, &we), we)
	}
	var ie *InputError
	if errors.As(err, &ie) {
		t.Error("a WidgetError is not an InputError")
	}
}

func TestInputError(t *testing.T) {
	err := fmt.Errorf("set data: %w", &InputError{Field: "fields[3].link", Problem: "has no host"})
	var ie *InputError
	if !errors.As(err, &ie) || ie.Field != "fields[3].link" {
		t.Fatalf("errors.As failed for %v", err)
	}
	if got, want := ie.Error(), "jivo: invalid fields[3].link: has no host"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestCallbackUnavailableSpelling(t *testing.T) {
	if ErrCallbackUnavailable.Reason != "Callback unavaiable" {
		t.Errorf("ErrCallbackUnavailable.Reason = %q, want the reference's spelling", ErrCallbackUnavailable.Reason)
	}
}

func TestCallResultErr(t *testing.T) {
	if err := (CallResult{OK: true}).Err(); err != nil {
		t.Errorf("OK call: %v", err)
	}
	err := CallResult{Reason: "Callback unavailable"}.Err()
	if !errors.Is(err, ErrCallbackUnavailable) {
		t.Errorf("failed call: %v is not ErrCallbackUnavailable", err)
	}
	if err.Error() != "jivo: call: Callback unavailable" {
		t.Errorf("failed call: %q", err)
	}
	if errors.Is(err, ErrNoCallResult) {
		t.Errorf("a failed call is ErrNoCallResult")
	}
	// A failure without a reason is still a failure, not a missing result.
	if err := (CallResult{}).Err(); err == nil || errors.Is(err, ErrNoCallResult) {
		t.Errorf("failed call without a reason: %v", err)
	}
	missing := CallResult{Missing: true}.Err()
	if !errors.Is(missing, ErrNoCallResult) || errors.Is(missing, ErrCallbackUnavailable) {
		t.Errorf("no result: %v is not (only) ErrNoCallResult", missing)
	}
	if missing.Error() != "jivo: call: ended without a result" {
		t.Errorf("no result: %q", missing)
	}
}

func TestTokenRefused(t *testing.T) {
	err := &WidgetError{Method: "setUserToken", Reason: ReasonTokenRefused}
	if !errors.Is(err, ErrTokenRefused) || err.Error() != "jivo: setUserToken: token refused" {
		t.Errorf("%q: want ErrTokenRefused", err)
	}
	if errors.Is(&WidgetError{Method: "setUserToken"}, ErrTokenRefused) {
		t.Errorf("a reason-less WidgetError is ErrTokenRefused")
	}
}
