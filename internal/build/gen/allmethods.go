package gen

import (
	"bytes"
	"go/format"
	"strings"

	"github.com/jivokit/jivokit/jsapi"
)

func init() {
	register(Output{Path: "internal/measure/wasmsize/allmethods/methods_gen.go", Order: 0, Generate: func(string) ([]byte, error) { return allMethods() }})
}

// allMethods writes the part of the size measurement's allmethods program
// that follows from the spec: a call of every method's function and a
// subscription to every callback. The arguments are the fields of a
// package variable, which the compiler cannot see through (constant
// arguments could let it drop checks a real program links); the program
// is built and weighed, never run against a widget.
func allMethods() ([]byte, error) {
	var fields, calls bytes.Buffer
	for _, m := range jsapi.Methods() {
		p, hasParam, err := wasmParamOf(m)
		if err != nil {
			return nil, err
		}
		if m.Answer == jsapi.AnswerValue || m.Answer == jsapi.AnswerErrFirst {
			calls.WriteString("\t_, _ = ")
		} else {
			calls.WriteString("\t_ = ")
		}
		calls.WriteString("jivo." + m.GoName + "(ctx")
		if hasParam {
			fields.WriteString("\t" + m.GoName + " " + p.typ + "\n")
			calls.WriteString(", args." + m.GoName)
		}
		calls.WriteString(")\n")
	}
	var subs bytes.Buffer
	for _, c := range jsapi.Callbacks() {
		var params []string
		for _, p := range c.Params {
			params = append(params, qualify(p.Go))
		}
		subs.WriteString("\tjivo." + c.GoName + "(func(" + strings.Join(params, ", ") + ") {})()\n")
	}
	var b bytes.Buffer
	b.WriteString(header)
	b.WriteString("\n//go:build js && wasm\n\npackage main\n\nimport (\n\t\"context\"\n\n")
	if strings.Contains(fields.String()+subs.String(), "jsapi.") {
		b.WriteString("\t\"github.com/jivokit/jivokit/jsapi\"\n")
	}
	b.WriteString("\t\"github.com/jivokit/jivokit/wasm/jivo\"\n)\n\n")
	b.WriteString("// args holds the methods' arguments.\nvar args struct {\n" + fields.String() + "}\n\n")
	b.WriteString("// callMethods calls the function of every method of the spec.\nfunc callMethods(ctx context.Context) {\n" + calls.String() + "}\n\n")
	b.WriteString("// subscribeAll subscribes to every callback of the spec and unsubscribes.\nfunc subscribeAll() {\n" + subs.String() + "}\n")
	return format.Source(b.Bytes())
}
