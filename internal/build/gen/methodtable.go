package gen

import (
	"bytes"
	"strconv"

	"github.com/jivokit/jivokit/jsapi"
)

func init() {
	register(Output{Path: "jsapi/runtime/src/methods.gen.js", Order: 0, Generate: func(string) ([]byte, error) { return methodTableJS(), nil }})
}

// methodTableJS is the method table the page runtime and the stub widget
// share: one entry per method, at the index the Go bindings pass to
// jivokit.call, and the callback names.
func methodTableJS() []byte {
	var b bytes.Buffer
	b.WriteString(header)
	b.WriteString("\n// Each method's index in this array is its id in jivokit.call;\n// global, immediate and coalesce appear only when true, fail (the reason of a\n// failure answer without one) only when set.\n")
	b.WriteString("export const methods = [\n")
	for _, m := range jsapi.Methods() {
		b.WriteString("  { name: " + strconv.Quote(m.Name) + ", answer: " + strconv.Quote(m.Answer.String()))
		// Flags are written only when set, to keep the runtime bundle small.
		if m.Global {
			b.WriteString(", global: true")
		}
		if m.Immediate {
			b.WriteString(", immediate: true")
		}
		if m.Coalesce {
			b.WriteString(", coalesce: true")
		}
		if m.FailReason != "" {
			// The reason of a {result:'fail'} answer that gives none.
			b.WriteString(", fail: " + strconv.Quote(m.FailReason))
		}
		b.WriteString(", params: [")
		for i, p := range m.Params {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(strconv.Quote(p.Name))
		}
		b.WriteString("] },\n")
	}
	b.WriteString("];\n\nexport const callbacks = [\n")
	for _, c := range jsapi.Callbacks() {
		b.WriteString("  " + strconv.Quote(c.Name) + ",\n")
	}
	b.WriteString("];\n")
	return b.Bytes()
}
