//go:build js && wasm

package jivo

import (
	"context"
	"strconv"
)

// text is a call's checked arguments. They all cross to JavaScript as one
// JSON array text, [method index, arguments...], that the bridge applies
// to jivokit.call after one JSON.parse: one crossing whatever the
// arguments, and one small code path for every method. Everything is
// written through add, which keeps the WebAssembly code small.
type text struct {
	b   []byte
	obj any   // when set, one more argument, as js.ValueOf makes it
	m   int   // the method
	err error // what is wrong with the arguments
}

// newText starts the arguments of method m, whose check gave err.
func newText(m int, err error) *text {
	t := &text{b: make([]byte, 0, 64), m: m, err: err}
	t.add("[")
	t.add(strconv.Itoa(m))
	return t
}

// send makes the call; see call.
func (t *text) send(ctx context.Context) error {
	_, err := call(ctx, t.m, t)
	return err
}

// add is the one place that appends; it is kept out of line, as inlined
// appends would each bring their own copy of the growing code.
//
//go:noinline
func (t *text) add(s string) { t.b = append(t.b, s...) }

// sep writes the comma before a value, unless the value opens the array or
// object or follows a key.
//
//go:noinline
func (t *text) sep() {
	if c := t.b[len(t.b)-1]; c != '[' && c != '{' && c != ':' {
		t.add(",")
	}
}

// str writes s as a JSON string. Invalid UTF-8 needs no care here: the
// text crosses to JavaScript as UTF-8, where each invalid sequence becomes
// U+FFFD.
func (t *text) str(s string) {
	const hex = "0123456789abcdef"
	t.sep()
	t.add(`"`)
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < ' ' || c == '"' || c == '\\' {
			t.add(s[:i])
			t.add(`\u00`)
			t.add(hex[c>>4 : c>>4+1])
			t.add(hex[c&0xf : c&0xf+1])
			s = s[i+1:]
			i = -1
		}
	}
	t.add(s)
	t.add(`"`)
}

// object writes an object of the non-empty values, each under the key
// of the same index; keys are written as they are ("name":).
func (t *text) object(keys []string, values ...string) {
	t.sep()
	t.add("{")
	for i, v := range values {
		if v != "" {
			t.sep()
			t.add(keys[i])
			t.str(v)
		}
	}
	t.add("}")
}
