//go:build js && wasm

// Command app is the Go program startup times: at the start of main it
// sets the User Timing mark "startup:main", then makes its first call
// to the widget, the same setCustomData the plain JavaScript page makes.
package main

import (
	"context"
	"syscall/js"
	"time"

	"github.com/jivokit/jivokit/jsapi"
	"github.com/jivokit/jivokit/wasm/jivo"
)

func main() {
	js.Global().Get("performance").Call("mark", "startup:main")
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := jivo.SetCustomData(ctx, []jsapi.CustomField{{Title: "plan", Content: "pro"}}); err != nil {
		js.Global().Get("console").Call("error", err.Error())
	}
}
