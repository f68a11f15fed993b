//go:build js && wasm

// Command hello is the baseline of the size measurement: a syscall/js
// program that says hello in the console.
package main

import "syscall/js"

func main() {
	js.Global().Get("console").Call("log", "hello")
}
