//go:build js && wasm

// Command driver is the Go/WASM program of jivokit's end-to-end tests: it
// calls every jivo_api method through package jivo when the test asks
// (window.goCall(name)), records every answer in window.goResults and
// every callback its listeners get in window.goEvents, and sets
// <html data-driver="ready"> once it listens.
//
// With ?early in the page URL it makes its "early" calls at start, before
// the widget has loaded, one after the other without waiting for answers.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"syscall/js"
	"time"

	"github.com/jivokit/jivokit/jsapi"
	"github.com/jivokit/jivokit/wasm/jivo"
)

// EarlyCalls are the calls made before load with ?early, in this order.
var earlyCalls = []string{"setContactInfo", "setCustomData", "sendPageTitle", "getVisitorNumber", "open"}

// calls are the calls a test can make, with the arguments the tests expect
// the widget to receive.
var calls = map[string]func(ctx context.Context) (any, error){
	"open": func(ctx context.Context) (any, error) {
		return nil, jivo.Open(ctx, jsapi.OpenOptions{Start: jsapi.StartCall})
	},
	"close": func(ctx context.Context) (any, error) { return nil, jivo.Close(ctx) },
	"chatMode": func(ctx context.Context) (any, error) {
		return jivo.ChatMode(ctx)
	},
	"getContactInfo": func(ctx context.Context) (any, error) {
		return jivo.GetContactInfo(ctx)
	},
	"getVisitorNumber": func(ctx context.Context) (any, error) {
		return jivo.GetVisitorNumber(ctx)
	},
	"setContactInfo": func(ctx context.Context) (any, error) {
		return nil, jivo.SetContactInfo(ctx, jsapi.ContactInfo{Name: "Ann Lee", Email: "ann@example.com", Phone: "+14084987855", Description: "VIP"})
	},
	"setCustomData": func(ctx context.Context) (any, error) {
		return nil, jivo.SetCustomData(ctx, []jsapi.CustomField{
			{Title: "Plan", Content: "Pro", Link: "https://example.com/a/1"},
			{Key: "Orders", Content: "3"},
		})
	},
	"setRules": func(ctx context.Context) (any, error) {
		return nil, jivo.SetRules(ctx, jsapi.Rules(`{"rules":[{"name":"greet","delay":5}]}`))
	},
	"setUserToken": func(ctx context.Context) (any, error) {
		return nil, jivo.SetUserToken(ctx, "visitor-token-1")
	},
	"showProactiveInvitation": func(ctx context.Context) (any, error) {
		return nil, jivo.ShowProactiveInvitation(ctx, jsapi.Invitation{Text: "Need help?", DepartmentID: 3})
	},
	"startCall": func(ctx context.Context) (any, error) {
		return nil, jivo.StartCall(ctx, "+14084987855")
	},
	"isCallbackEnabled": func(ctx context.Context) (any, error) {
		return nil, jivo.IsCallbackEnabled(ctx)
	},
	"sendOfflineMessage": func(ctx context.Context) (any, error) {
		return nil, jivo.SendOfflineMessage(ctx, jsapi.OfflineMessage{Name: "Ann", Email: "ann@example.com", Message: "Call me back"})
	},
	"setWidgetColor": func(ctx context.Context) (any, error) {
		return nil, jivo.SetWidgetColor(ctx, jsapi.WidgetColor{Color: "#1e88e5", Color2: "#43a047"})
	},
	"sendPageTitle": func(ctx context.Context) (any, error) {
		return nil, jivo.SendPageTitle(ctx, jsapi.PageTitle{Title: "Checkout", URL: "https://example.com/checkout"})
	},
	"setClientAttributes": func(ctx context.Context) (any, error) {
		return nil, jivo.SetClientAttributes(ctx, jsapi.ClientAttributes{"1": "gold", "2": 42})
	},
	"getUnreadMessagesCount": func(ctx context.Context) (any, error) {
		return jivo.GetUnreadMessagesCount(ctx)
	},
	"getUtm": func(ctx context.Context) (any, error) {
		return jivo.GetUTM(ctx)
	},
	"clearHistory": func(ctx context.Context) (any, error) { return nil, jivo.ClearHistory(ctx) },
	"jivo_destroy": func(ctx context.Context) (any, error) { return nil, jivo.Destroy(ctx) },
	"jivo_init":    func(ctx context.Context) (any, error) { return nil, jivo.Init(ctx) },
	"load":         func(ctx context.Context) (any, error) { return nil, jivo.Load(ctx) },
	"phase": func(ctx context.Context) (any, error) {
		ph, err := jivo.CurrentPhase()
		return ph.String(), err
	},
}

var (
	global  = js.Global()
	results = global.Get("Array").New()
	events  = global.Get("Array").New()
)

func main() {
	global.Set("goResults", results)
	global.Set("goEvents", events)
	jivo.SetErrorHandler(func(err error) {
		var p *jivo.PanicError
		if errors.As(err, &p) {
			event("panic", 0, p.Callback)
		}
	})
	listen()

	// goCall(name, ms): ms bounds the call's ctx (10 s when left out).
	global.Set("goCall", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) < 1 || args[0].Type() != js.TypeString {
			panic("goCall(name, ms)")
		}
		name := args[0].String()
		if calls[name] == nil {
			panic("goCall: no call " + name)
		}
		timeout := 10 * time.Second
		if len(args) > 1 && args[1].Type() == js.TypeNumber {
			timeout = time.Duration(args[1].Int()) * time.Millisecond
		}
		go runWithin(name, timeout)
		return nil
	}))

	if strings.Contains(global.Get("location").Get("search").String(), "early") {
		for _, name := range earlyCalls {
			issued := make(chan struct{})
			go func() {
				close(issued) // runs on, without yielding, until the call is made
				run(name)
			}()
			<-issued
		}
	}
	global.Get("document").Get("documentElement").Get("dataset").Set("driver", "ready")
	select {}
}

// run makes one call and records its answer.
func run(name string) { runWithin(name, 10*time.Second) }

// runWithin makes one call with a ctx that ends after timeout and records
// its answer.
func runWithin(name string, timeout time.Duration) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	v, err := calls[name](ctx)
	r := map[string]any{"name": name, "ok": err == nil}
	if err != nil {
		r["error"] = err.Error()
		var we *jsapi.WidgetError
		if errors.As(err, &we) {
			r["method"], r["reason"] = we.Method, we.Reason
		}
		r["callbackDisabled"] = errors.Is(err, jsapi.ErrCallbackDisabled)
		r["callbackUnavailable"] = errors.Is(err, jsapi.ErrCallbackUnavailable)
	}
	if v != nil {
		b, jerr := json.Marshal(v)
		if jerr != nil {
			b = []byte(`"` + jerr.Error() + `"`)
		}
		r["value"] = string(b)
	}
	results.Call("push", js.ValueOf(r))
}

// listen subscribes to every callback; jivo_onChangeState and jivo_onAccept
// get two listeners each, and the second jivo_onAccept listener panics
// when window.goPanic is true.
func listen() {
	plain := map[string]func(func()) func(){
		"OnLoad": jivo.OnLoad, "OnOpen": jivo.OnOpen, "OnMessageSent": jivo.OnMessageSent,
		"OnClose": jivo.OnClose, "OnIntroduction": jivo.OnIntroduction, "OnResize": jivo.OnResize,
		"OnCallStart": jivo.OnCallStart, "OnClientStartChat": jivo.OnClientStartChat,
		"OnMessageReceived": jivo.OnMessageReceived, "OnWidgetDestroy": jivo.OnWidgetDestroy,
		"OnAccept": jivo.OnAccept,
	}
	for name, on := range plain {
		on(func() { event(name, 1, "") })
	}
	jivo.OnAccept(func() {
		if global.Get("goPanic").Truthy() {
			panic("listener panics on purpose")
		}
		event("OnAccept", 2, "")
	})
	jivo.OnChangeState(func(s jsapi.ChatState) { event("OnChangeState", 1, string(s)) })
	jivo.OnChangeState(func(s jsapi.ChatState) { event("OnChangeState", 2, string(s)) })
	jivo.OnCallEnd(func(res jsapi.CallResult) {
		arg := "ok"
		if !res.OK {
			arg = "fail: " + res.Reason
		}
		event("OnCallEnd", 1, arg)
	})
}

func event(name string, listener int, arg string) {
	events.Call("push", js.ValueOf(map[string]any{"callback": name, "listener": listener, "arg": arg}))
}
