//go:build js && wasm

// Command allmethods is hello plus every method and callback of the
// bridge: what the bridge adds to a program that uses all of it.
package main

import (
	"context"
	"syscall/js"

	"github.com/jivokit/jivokit/jsapi"
	"github.com/jivokit/jivokit/wasm/jivo"
)

func main() {
	js.Global().Get("console").Call("log", "hello")
	ctx := context.Background()
	_ = jivo.Ready(ctx)
	_ = jivo.Open(ctx, jsapi.OpenOptions{Start: jsapi.StartCall})
	_ = jivo.Close(ctx)
	_, _ = jivo.ChatMode(ctx)
	_, _ = jivo.GetContactInfo(ctx)
	_, _ = jivo.GetVisitorNumber(ctx)
	_ = jivo.SetContactInfo(ctx, jsapi.ContactInfo{Name: "Ann"})
	_ = jivo.SetCustomData(ctx, []jsapi.CustomField{{Title: "Plan", Content: "Pro"}})
	_ = jivo.SetRules(ctx, jsapi.Rules(`{}`))
	_ = jivo.SetUserToken(ctx, "token")
	_ = jivo.ShowProactiveInvitation(ctx, jsapi.Invitation{Text: "Hi"})
	_ = jivo.StartCall(ctx, "+14084987855")
	_ = jivo.IsCallbackEnabled(ctx)
	_ = jivo.SendOfflineMessage(ctx, jsapi.OfflineMessage{Email: "a@example.com", Message: "hi"})
	_ = jivo.SetWidgetColor(ctx, jsapi.WidgetColor{Color: "#fff"})
	_ = jivo.SendPageTitle(ctx, jsapi.PageTitle{Title: "Cart"})
	_ = jivo.SetClientAttributes(ctx, jsapi.ClientAttributes{"plan": "pro"})
	_, _ = jivo.GetUnreadMessagesCount(ctx)
	_, _ = jivo.GetUTM(ctx)
	_ = jivo.ClearHistory(ctx)
	_ = jivo.Init(ctx)
	_ = jivo.Destroy(ctx)
	jivo.SetErrorHandler(func(error) {})
	jivo.OnLoad(func() {})()
	jivo.OnOpen(func() {})()
	jivo.OnMessageSent(func() {})()
	jivo.OnAccept(func() {})()
	jivo.OnClose(func() {})()
	jivo.OnIntroduction(func() {})()
	jivo.OnResize(func() {})()
	jivo.OnCallStart(func() {})()
	jivo.OnCallEnd(func(jsapi.CallResult) {})()
	jivo.OnChangeState(func(jsapi.ChatState) {})()
	jivo.OnClientStartChat(func() {})()
	jivo.OnMessageReceived(func() {})()
	jivo.OnWidgetDestroy(func() {})()
}
