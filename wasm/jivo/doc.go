// Package jivo drives the JivoChat widget from Go compiled to WebAssembly
// (GOOS=js GOARCH=wasm): one typed function per jivo_api method and one
// subscription per jivo_on* callback, generated from the spec in package
// jsapi.
//
//	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
//	defer cancel()
//	if err := jivo.StartCall(ctx, "+14084987855"); errors.Is(err, jsapi.ErrCallbackDisabled) {
//		// calls are off: offer the contact form instead
//	}
//	unsubscribe := jivo.OnChangeState(func(s jsapi.ChatState) {
//		if s.Minimized() { /* ... */ }
//	})
//	defer unsubscribe()
//
// Calls go through the page runtime (window.jivokit, see docs/runtime.md).
// When the page has only the vendor's snippet, the first call or
// subscription adds the runtime to the page; where a Content-Security-Policy
// refuses that, calls return ErrNoRuntime (the bridge tries once, then only
// looks for a runtime the page added itself). A runtime of another jivokit
// build, whose method table differs, is called by method name instead of
// by index, so no call reaches another method.
//
// # Call from a goroutine, never directly in a js.FuncOf callback
//
// Go's WebAssembly port cannot run JavaScript's event loop while a
// js.FuncOf handler (a click listener, a setTimeout callback) blocks, and
// every call answered through a Promise needs it: an async method
// (IsCallbackEnabled, GetVisitorNumber), Ready, and any call made before
// the widget has loaded. Made directly in such a handler, the call waits
// until ctx ends (for ever with context.Background()), although the widget
// has answered. Start a goroutine in the handler instead:
//
//	js.FuncOf(func(js.Value, []js.Value) any {
//		go func() {
//			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
//			defer cancel()
//			if err := jivo.IsCallbackEnabled(ctx); err == nil { /* ... */ }
//		}()
//		return nil
//	})
//
// Listeners of this package (OnChangeState, ...) run on goroutines of
// their own and may call anything.
//
// # Answers and errors
//
//   - Arguments are checked first. One the vendor does not take, or that
//     cannot be written (invalid UTF-8), is a *jsapi.InputError and
//     reaches no widget. One that breaks only jivokit's advice (a phone
//     number with an extension, a relative link: see jsapi.Kind) goes to
//     the widget unchanged, and its *jsapi.Warning to the error handler
//     (SetErrorHandler) and console.warn; SetStrict(true) refuses it
//     instead. A sendPageTitle title over jsapi.MaxPageTitle characters is
//     cut to that many, with a *jsapi.Warning.
//   - A failure the widget reports, an async method's error, a method the
//     widget lacks, an exception it throws, or an answer the bridge cannot
//     read (a status that is not a success, a number that is not whole or
//     beyond ±2^53, a visitor number of null) is a *jsapi.WidgetError;
//     test it with errors.Is against the sentinels of package jsapi
//     (jsapi.ErrCallbackDisabled, jsapi.ErrQueueFull, ...).
//   - A call made before the widget has loaded is queued by the runtime and
//     returns once the widget has answered it. Calls made one after
//     another on one goroutine reach the widget in that order; calls made
//     at the same time on several goroutines have no order among them.
//     When ctx ends first, the call
//     returns an error wrapping both ErrNotLoaded and ctx.Err(), such as
//     "jivo: startCall: widget did not load: context deadline exceeded"
//     (ctx ended before the widget loaded or failed). Ending ctx
//     withdraws the call from the runtime's queue: it never reaches the
//     widget. A call already handed to the widget is not affected.
//   - When the page runtime's loader decides the widget failed to load
//     (its script failed, the policy refused it, load_timeout passed: an
//     ad blocker, a wrong widget id), queued and later calls, Ready and
//     Load return a *LoadError at once (errors.Is(err, ErrLoadFailed)). A
//     widget that loads after all answers as ever.
//   - Load starts loading a widget that the page's loading strategy holds
//     back (idle, interaction, consent) and waits as Ready does;
//     CurrentPhase tells where the widget is.
//   - An async method (IsCallbackEnabled, GetVisitorNumber) whose ctx ends
//     returns ctx.Err(); its late answer is dropped.
//
// # Listeners
//
// Each listener runs on a goroutine of its own, getting its events in
// order, so it may block and call any function of this package, async ones
// included. A listener that panics is recovered; the panic is logged with
// console.error and passed to the handler of SetErrorHandler as a
// *PanicError, and the program goes on. A listener that calls
// runtime.Goexit still gets the later events. OnLoad is called on each
// load after it subscribed; to wait for the widget whether or not it has
// loaded already, use Ready.
//
// # Size
//
// The package imports neither fmt, encoding/json nor reflect. An argument
// the widget takes as an object (OpenOptions, ContactInfo, OfflineMessage),
// or as an array of objects (custom data), crosses to JavaScript as one
// JSON text per call, which one JSON.parse turns into the object or
// array: that costs fewer calls into JavaScript than setting fields one by
// one. Rules cross as their own JSON text; ClientAttributes, whose values
// may be of any Go number type, is built by js.ValueOf; a struct that
// groups the widget's positional parameters (Invitation, WidgetColor,
// PageTitle) crosses as those strings and numbers, as they are. `go run ./internal/measure/wasmsize`
// prints its size and call cost against plain syscall/js.
//
// On other platforms every function returns ErrUnsupported and
// subscriptions deliver nothing, so that code using the package builds and
// vets everywhere.
package jivo
