//go:build js && wasm

// Command allmethods is hello plus every function of the bridge: what the
// bridge adds to a program that uses all of it. The calls of the spec's
// methods and callbacks are generated (methods_gen.go); this file calls
// the bridge's hand-written functions, and a test of package gen checks
// that the two together call every exported function of wasm/jivo.
package main

import (
	"context"
	"syscall/js"

	"github.com/jivokit/jivokit/wasm/jivo"
)

func main() {
	js.Global().Get("console").Call("log", "hello")
	ctx := context.Background()
	_ = jivo.Ready(ctx)
	_ = jivo.Load(ctx)
	_, _ = jivo.CurrentPhase()
	jivo.OnLoadFailed(func(*jivo.LoadError) {})
	jivo.SetErrorHandler(func(error) {})
	jivo.SetStrict(js.Global().Get("jivokitStrict").Truthy())
	_ = jivo.Hide("modal")
	_ = jivo.Show("modal")
	_ = jivo.Reset(ctx, jivo.ResetOptions{})
	_ = jivo.SwitchWidget(ctx, "1234567")
	_, _ = jivo.CurrentState()
	jivo.OnState(func(jivo.State) {})()
	callMethods(ctx)
	subscribeAll()
}
