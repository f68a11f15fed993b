//go:build js && wasm

package jivo

import "context"

// args are a call's checked arguments. Strings, numbers and booleans go to
// jivokit.call as they are. An object or array argument is written as JSON
// text and built in JavaScript by one JSON.parse, which costs far fewer
// calls into JavaScript than setting its fields one by one. The text is
// written through add, which keeps the WebAssembly code small.
type args struct {
	vals []any  // the method's index, then the arguments
	json []byte // when set, the last argument as JSON text
	m    int    // the method
	err  error  // what is wrong with the arguments
}

// newArgs starts the arguments of method m, whose check gave err.
//
//go:noinline
func newArgs(m int, err error) *args {
	a := &args{vals: make([]any, 1, 4), m: m, err: err}
	a.vals[0] = m
	return a
}

// arg adds a string, number or boolean argument.
//
//go:noinline
func (a *args) arg(v any) { a.vals = append(a.vals, v) }

// send makes the call; see call.
func (a *args) send(ctx context.Context) error {
	_, err := call(ctx, a.m, a)
	return err
}

// add is the one place that appends to the JSON text; it is kept out of
// line, as inlined appends would each bring their own copy of the growing
// code.
//
//go:noinline
func (a *args) add(s string) { a.json = append(a.json, s...) }

// sep writes the comma before a JSON value, unless the value is the first
// of an array or object, or follows a key.
//
//go:noinline
func (a *args) sep() {
	if n := len(a.json); n > 0 && a.json[n-1] != '[' && a.json[n-1] != '{' && a.json[n-1] != ':' {
		a.add(",")
	}
}

// str writes s as a JSON string. Invalid UTF-8 needs no care here: the
// text crosses to JavaScript as UTF-8, where each invalid sequence becomes
// U+FFFD.
func (a *args) str(s string) {
	const hex = "0123456789abcdef"
	a.sep()
	a.add(`"`)
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < ' ' || c == '"' || c == '\\' {
			a.add(s[:i])
			a.add(`\u00`)
			a.add(hex[c>>4 : c>>4+1])
			a.add(hex[c&0xf : c&0xf+1])
			s = s[i+1:]
			i = -1
		}
	}
	a.add(s)
	a.add(`"`)
}

// object writes a JSON object of the non-empty values, each under the key
// of the same index; keys are written as they are ("name":).
func (a *args) object(keys []string, values ...string) {
	a.sep()
	a.add("{")
	for i, v := range values {
		if v != "" {
			a.sep()
			a.add(keys[i])
			a.str(v)
		}
	}
	a.add("}")
}
