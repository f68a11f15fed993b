package jsapi

// WidgetError is a failure the widget reported: a {result:'fail', reason}
// answer, the err of an err-first callback, or a call the page runtime could
// not deliver (for instance because its queue was full).
//
// Use errors.Is with the sentinels below to test for a known reason, and
// errors.As to read Method and Reason.
type WidgetError struct {
	Method string // the jivo_api method that failed, e.g. "startCall"
	Reason string // the widget's reason, verbatim
}

func (e *WidgetError) Error() string {
	reason := e.Reason
	if reason == "" {
		reason = "failed without a reason"
	}
	if e.Method == "" {
		return "jivo: " + reason
	}
	return "jivo: " + e.Method + ": " + reason
}

// Is reports whether target is a *WidgetError with the same reason and, when
// the target names one, the same method. The sentinels name no method, so
// errors.Is(err, ErrCallbackDisabled) holds whatever method failed. The
// reference's spelling "Callback unavaiable" and the correct "Callback
// unavailable" are the same reason.
func (e *WidgetError) Is(target error) bool {
	t, ok := target.(*WidgetError)
	return ok && (t.Method == "" || t.Method == e.Method) &&
		(t.Reason == e.Reason || unavailable(t.Reason) && unavailable(e.Reason))
}

// unavailable reports whether reason is either spelling of
// ErrCallbackUnavailable's.
func unavailable(reason string) bool {
	return reason == reasonUnavailable || reason == "Callback unavailable"
}

// reasonUnavailable is the reference's spelling, which the widget sends.
const reasonUnavailable = "Callback unavaiable"

// ReasonTokenRefused is the reason of setUserToken's failure, which the
// widget answers {result: 'fail', token: userToken || false}, without a
// reason of its own.
const ReasonTokenRefused = "token refused"

// reasonNoResult is the reason of CallResult.Err when the widget called
// jivo_onCallEnd without a result.
const reasonNoResult = "ended without a result"

// Reasons the reference and the page runtime document.
var (
	// ErrCallbackDisabled: calls are disabled in the admin panel.
	ErrCallbackDisabled = &WidgetError{Reason: "Callback disabled"}
	// ErrCallbackUnavailable: calls are not available now (day, time, or a
	// call already started). Its reason is the reference's spelling,
	// "Callback unavaiable"; errors.Is matches "Callback unavailable" too.
	ErrCallbackUnavailable = &WidgetError{Reason: reasonUnavailable}
	// ErrTokenRefused: setUserToken answered {result: 'fail', token}; the
	// widget did not take the token.
	ErrTokenRefused = &WidgetError{Reason: ReasonTokenRefused}
	// ErrNoCallResult: jivo_onCallEnd came without a result (the reference
	// makes it optional), so whether the call succeeded is unknown.
	ErrNoCallResult = &WidgetError{Reason: reasonNoResult}
	// ErrCustomDataNotArray: setCustomData was not given an array.
	ErrCustomDataNotArray = &WidgetError{Reason: "Custom data must be array."}
	// ErrQueueFull: the page runtime's queue of calls made before the widget
	// loaded is full; the call was not made.
	ErrQueueFull = &WidgetError{Reason: "queue full"}
	// ErrNotSupported: the widget on the page does not have this method.
	ErrNotSupported = &WidgetError{Reason: "not supported by this widget"}
)

// InputError says what is wrong with a value given to a method, before it
// reaches the widget.
type InputError struct {
	Field   string // the parameter or field, e.g. "fields[3].link"
	Problem string // what is wrong with it
}

func (e *InputError) Error() string { return "jivo: invalid " + e.Field + ": " + e.Problem }

// Warning is jivokit's advice about a value the vendor takes: a phone
// number or e-mail address of an unusual shape, a link that is not an
// absolute http(s) URL, a blank text. The vendor documents no such rule, so
// by default the value goes through unchanged and the Warning is reported
// where errors are (jivo.SetErrorHandler, the templates error handler, the
// webhook handler's logger at Warn). In strict mode (jivo.SetStrict,
// templates.WithStrict, webhook.WithStrict, the stub's data-strict, the
// command's -strict) advice refuses: the call or part fails with the
// Warning. Find it with errors.As.
type Warning struct {
	Field   string // the parameter or field, e.g. "phone" or "custom_data[2].link"
	Problem string // what looks wrong with it
}

func (e *Warning) Error() string { return "jivo: advice: " + e.Field + ": " + e.Problem }

// IsAdvice reports whether err is only advice: a *Warning, which strict
// mode refuses and the default mode reports and lets through. It is false
// for nil and for any other error.
func IsAdvice(err error) bool {
	_, ok := err.(*Warning)
	return ok
}

// Refusal returns what refuses a value in the given mode: err when it is a
// refusal (any error but a *Warning), a *Warning too when strict, nil
// otherwise. Every entry point decides with it, so a value is refused in
// the same cases wherever it is given.
func Refusal(err error, strict bool) error {
	if err == nil || !strict && IsAdvice(err) {
		return nil
	}
	return err
}
