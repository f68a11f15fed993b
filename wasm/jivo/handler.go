package jivo

// SetErrorHandler installs h to receive what the bridge recovers and cannot
// return to a caller: a *jsapi.Warning, jivokit's advice about an argument
// the call went on with (see SetStrict; it is logged with console.warn and
// h runs on the caller's goroutine), a *PanicError from a listener, or from decoding a
// callback's arguments (a getter of the widget's object that throws), or a
// subscription that could not be made. Each is also logged with
// console.error, then h runs on the goroutine that met it: the listener's
// for a listener's panic, the subscriber's (the caller of OnLoad, ...) for
// a subscription, and JavaScript's turn (the widget's call of the
// callback) for a decoding panic, where h must neither block nor call the
// bridge's waiting functions. A panic in h is ignored. A nil h removes the
// handler.
func SetErrorHandler(h func(error)) {
	setErrorHandler(h)
}

// SetStrict sets whether jivokit's advice about an argument refuses the
// call. The vendor's own rules, and values that cannot be written (invalid
// UTF-8, an infinite number), refuse a call in every mode with a
// *jsapi.InputError. jivokit's advice (a phone number with an extension, an
// e-mail address without a dot in its domain, a relative link, a blank
// text: see jsapi.Kind) does not, by default: the *jsapi.Warning goes to
// the error handler and the call goes on with the value unchanged. With
// SetStrict(true) the call fails with the *jsapi.Warning instead and
// reaches no widget.
func SetStrict(on bool) { setStrict(on) }
