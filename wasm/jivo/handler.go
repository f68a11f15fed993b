package jivo

// SetErrorHandler installs h to receive what the bridge recovers and cannot
// return to a caller: a *PanicError from a listener, or from decoding a
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
