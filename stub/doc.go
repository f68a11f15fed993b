// Package stub is a fake JivoChat widget for development and tests: a page
// loads Script (served by Handler at Path) in place of the vendor's
// //code.jivosite.com/widget/ID, and gets a window.jivo_api that behaves as
// the vendor's reference says, without a Jivo account or network.
//
// The stub implements every method of the spec in package jsapi, with the
// documented answers (setCustomData with a non-array answers
// {result:'fail', reason:'Custom data must be array.'}, startCall while
// calls are disabled {result:'fail', reason:'Callback disabled'},
// getVisitorNumber and isCallbackEnabled answer asynchronously, ...); it
// defines jivo_api only once it has "loaded", then calls
// jivo_onLoadCallback, and calls the other jivo_on* callbacks as things
// happen, always reading the global at call time as the real widget does.
// It draws the visitor's launcher as <jdiv> elements, as the vendor's
// widget does, and a small panel under one element, #jivokit-stub: the
// label, the chat window, the call form, and the agent's side panel with
// the contact info and custom data as the agent sees them, so a screenshot
// tells what happened.
//
// It loads the way the vendor's loader does: the widget id rule
// (jsapi.ValidWidgetID; Options.WidgetID), the jivo_magic_var guard, the wait for
// the page's load event, a config request (ConfigPath) that becomes
// window.jivo_config, a status request (StatusPath), the bundle script
// (BundlePath) in <head>, and the bundle's code run as an inline script in
// a hidden iframe#jivo_container inside #jivo-iframe-container: jivo_api
// appears only when that script runs. Handler answers all three requests;
// StaticScript (or Options.InPage) makes them in the page for a site that
// serves the stub's file alone. Options.Failure picks one of the vendor's
// silent no-load paths (Failures).
//
// Serve it next to the page runtime and load it instead of the vendor's
// script:
//
//	mux.Handle("/jivokit/", stub.Handler()) // stub.Path, stub.RuntimePath, stub.WeightPath, the vendor's paths
//
//	<script src="/jivokit/runtime.js"></script>
//	<script src="/jivokit/stub.js" data-load-delay="200" async></script>
//
// Options reproduce slow and failed loads, offline agents and disabled
// calls, and a real widget's weight (ExtraBytes of script fetched from
// WeightPath, BusyTime of main-thread work at load); Options.Attrs gives
// the data-* attributes of the script element.
//
// # The control API
//
// The stub installs window.jivokitStub as soon as its script runs, before
// it loads. Tests (in a browser driven by chromedp, see package e2e) read
// what the page did and play the other side with it:
//
//	calls()                  every jivo_api call and jivo_init/jivo_destroy: [{method, args, result, time, ...}]
//	clearCalls()             forgets them
//	events()                 every callback fired: [{callback, args, handled, time}]; clearEvents()
//	agentView()              what the agent sees: contactInfo, customData, token, invitation, pageTitle, ...
//	loaded(), phase(), state()  whether it has loaded; 'pending'|'loaded'|'destroyed'|'never'; the ChatState
//	loader()                 the loading steps: {id, siteId, step, reason, mode, tries, requests}
//	options, tableCheck, problems  the options read, the method-table check, option errors
//	load(), destroy(), init()     load now (for data-never-load); as jivo_destroy / jivo_init
//	agentAccept()            jivo_onAccept
//	agentMessage(text)       jivo_onMessageReceived; unread while the chat is closed
//	visitorMessage(text)     opens the chat; jivo_onClientStartChat, jivo_onMessageSent
//	visitorIntroduce(info)   sets {name, email, phone, description}; jivo_onIntroduction
//	setOnline(bool), setCallbacksEnabled(bool, reason?)  ('' fails isCallbackEnabled without a reason)
//	callStart()              jivo_onCallStart
//	callEnd(ok, reason)      jivo_onCallEnd({result:'ok'}) or ({result:'fail', reason})
//	callEndWithoutResult()   jivo_onCallEnd()
//	resize()                 jivo_onResizeCallback
//
// Playing a side before the widget has loaded throws an Error that says so.
// docs/stub.md describes every answer and callback in full.
//
// The script is built from src/ by `go generate ./...` (esbuild, no Node
// needed) into script_gen.go, a string constant; the method table it implements is generated from package jsapi,
// and the stub reports any mismatch with it loudly.
package stub
