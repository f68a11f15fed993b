// Command hello is the smallest Go/WASM app, built by the tests.
package main

func main() {
	println("hello from wasm")
}
