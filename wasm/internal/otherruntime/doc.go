// Package otherruntime tests the Go/WASM bridge against a page runtime of
// another build, whose method table lists the methods in another order: the
// bridge must not call a method by an index that means another one there.
// It is its own test binary, so the bridge meets that runtime first.
package otherruntime
