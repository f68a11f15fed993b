//go:build js && wasm

// Command hellocontext is hello plus what any program that calls a
// function taking a context.Context pays, whatever that function does: the
// context passed as an interface and waited on in a select. Passing it as an
// interface keeps context's Deadline method and with it package time's
// formatting (about 60 KB of code). It separates that cost from the
// bridge's own.
package main

import (
	"context"
	"syscall/js"
)

//go:noinline
func wait(ctx context.Context, done <-chan struct{}) {
	select {
	case <-ctx.Done():
	case <-done:
	}
}

func main() {
	js.Global().Get("console").Call("log", "hello")
	done := make(chan struct{})
	go close(done)
	wait(context.Background(), done)
}
