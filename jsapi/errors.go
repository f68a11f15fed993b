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
