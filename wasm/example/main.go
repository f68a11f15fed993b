//go:build js && wasm

// Command example is a small Go/WebAssembly app that drives the JivoChat
// widget through the typed bridge (wasm/jivo): a button for every method,
// with inputs prefilled with sample values where the method takes
// arguments, and an on-page log of every call, its result or error, and
// every callback the widget fires.
//
// Build it with GOOS=js GOARCH=wasm and load it on a page with the widget
// (or the stub widget) and, optionally, the page runtime: the bridge adds
// the runtime itself when the page lacks it.
//
// # DOM contract
//
// Demos and end-to-end tests rely on these, and they stay stable:
//
//   - The app builds its UI into the element with id "jivokit-example", or
//     into document.body when there is none.
//   - Each method has a row <div data-row="startCall"> holding its button
//     <button data-method="startCall"> and, for each argument, an
//     <input data-param="phone"> or <textarea data-param="fields">. The
//     methods use the widget's names; the globals are "jivo_init" and
//     "jivo_destroy".
//   - The log is <ol id="jivokit-log">; each entry is
//     <li data-kind="call|result|error|callback" data-name="NAME">text</li>,
//     NAME being the method's name for call, result and error entries, and
//     the callback's global name (such as "jivo_onChangeState") for
//     callbacks. Waiting for the widget is logged under the name "ready",
//     and a recovered listener panic as an error named "panic".
//   - <button data-action="panic"> subscribes a listener to every callback
//     that panics on the next one; the panic is logged and the page keeps
//     working.
//   - document.documentElement.dataset.jivokitExample is "ready" once the
//     app has started and its UI is built.
//
// Argument formats: setCustomData's textarea has one field per line,
// "title | content | link"; setClientAttributes' has one "id = value" per
// line (a value that parses as a number is sent as one); setRules' holds the
// rules' JSON; the remaining inputs are plain values.
package main

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"sync"
	"syscall/js"
	"time"

	"github.com/jivokit/jivokit/jsapi"
	"github.com/jivokit/jivokit/wasm/jivo"
)

func main() {
	start()
	select {}
}

// start builds the UI, subscribes to every callback and waits for the
// widget in the background.
func start() *ui {
	ui := newUI()
	jivo.SetErrorHandler(func(err error) {
		var pe *jivo.PanicError
		if errors.As(err, &pe) {
			// The error names the callback already: "jivo: listener of
			// jivo_onOpen panicked: ...".
			ui.log("error", "panic", err.Error())
			return
		}
		ui.log("error", "bridge", err.Error())
	})
	subscribeAll(ui)
	for _, m := range methods {
		ui.row(m)
	}
	ui.panicButton()
	js.Global().Get("document").Get("documentElement").Get("dataset").Set("jivokitExample", "ready")

	// Bounded, so that a page without a widget (an ad blocker, a wrong
	// widget id) logs why.
	go ui.waitReady(callTimeout)
	return ui
}

// waitReady logs whether the widget loads within timeout.
func (u *ui) waitReady(timeout time.Duration) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	if err := jivo.Ready(ctx); err != nil {
		u.log("error", "ready", err.Error())
		return
	}
	u.log("result", "ready", "the widget has loaded")
}

// subscribeAll logs every callback.
func subscribeAll(ui *ui) {
	logger := func(name string) func() { return func() { ui.log("callback", name, name+"()") } }
	jivo.OnLoad(logger("jivo_onLoadCallback"))
	jivo.OnOpen(logger("jivo_onOpen"))
	jivo.OnMessageSent(logger("jivo_onMessageSent"))
	jivo.OnAccept(logger("jivo_onAccept"))
	jivo.OnClose(logger("jivo_onClose"))
	jivo.OnIntroduction(logger("jivo_onIntroduction"))
	jivo.OnResize(logger("jivo_onResizeCallback"))
	jivo.OnCallStart(logger("jivo_onCallStart"))
	jivo.OnCallEnd(func(r jsapi.CallResult) {
		text := "ok"
		if !r.OK {
			text = "fail: " + r.Reason
		}
		ui.log("callback", "jivo_onCallEnd", "jivo_onCallEnd("+text+")")
	})
	jivo.OnChangeState(func(s jsapi.ChatState) {
		ui.log("callback", "jivo_onChangeState", "jivo_onChangeState("+string(s)+")")
	})
	jivo.OnClientStartChat(logger("jivo_onClientStartChat"))
	jivo.OnMessageReceived(logger("jivo_onMessageReceived"))
	jivo.OnWidgetDestroy(logger("jivo_onWidgetDestroy"))
}

// panicOnce subscribes a listener to every callback that panics the first
// time any of them fires, then unsubscribes them all.
func panicOnce() {
	var (
		once sync.Once
		offs []func()
		mu   sync.Mutex
	)
	boom := func() {
		fire := false
		once.Do(func() { fire = true })
		if !fire {
			return
		}
		mu.Lock()
		for _, off := range offs {
			off()
		}
		mu.Unlock()
		panic("the example's panicking listener")
	}
	mu.Lock()
	defer mu.Unlock()
	offs = []func(){
		jivo.OnLoad(boom), jivo.OnOpen(boom), jivo.OnMessageSent(boom), jivo.OnAccept(boom),
		jivo.OnClose(boom), jivo.OnIntroduction(boom), jivo.OnResize(boom), jivo.OnCallStart(boom),
		jivo.OnCallEnd(func(jsapi.CallResult) { boom() }), jivo.OnChangeState(func(jsapi.ChatState) { boom() }),
		jivo.OnClientStartChat(boom), jivo.OnMessageReceived(boom), jivo.OnWidgetDestroy(boom),
	}
}

func describeContact(c jsapi.ContactInfo) string {
	return "name=" + strconv.Quote(c.Name) + " email=" + strconv.Quote(c.Email) +
		" phone=" + strconv.Quote(c.Phone) + " description=" + strconv.Quote(c.Description)
}

func describeUTM(u jsapi.UTM) string {
	return "source=" + strconv.Quote(u.Source) + " campaign=" + strconv.Quote(u.Campaign) +
		" content=" + strconv.Quote(u.Content) + " medium=" + strconv.Quote(u.Medium) + " term=" + strconv.Quote(u.Term)
}

// parseFields reads "title | content | link" lines.
func parseFields(s string) []jsapi.CustomField {
	var fields []jsapi.CustomField
	for _, line := range strings.Split(s, "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		parts := strings.Split(line, "|")
		for len(parts) < 3 {
			parts = append(parts, "")
		}
		fields = append(fields, jsapi.CustomField{
			Title:   strings.TrimSpace(parts[0]),
			Content: strings.TrimSpace(parts[1]),
			Link:    strings.TrimSpace(parts[2]),
		})
	}
	return fields
}

// parseAttributes reads "id = value" lines.
func parseAttributes(s string) jsapi.ClientAttributes {
	attrs := jsapi.ClientAttributes{}
	for _, line := range strings.Split(s, "\n") {
		id, value, ok := strings.Cut(line, "=")
		if !ok {
			continue
		}
		id, value = strings.TrimSpace(id), strings.TrimSpace(value)
		if n, err := strconv.ParseFloat(value, 64); err == nil {
			attrs[id] = n
		} else {
			attrs[id] = value
		}
	}
	return attrs
}
