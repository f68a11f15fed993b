package gen

import (
	"bytes"
	"strconv"

	"github.com/jivokit/jivokit/jsapi"
)

func init() {
	register(Output{Path: "wasm/internal/fakewidget/answers_gen.go", Order: 0, Generate: func(string) ([]byte, error) { return fakeAnswers(), nil }})
}

// fakeAnswers writes the fake widget's default answers that follow from
// each method's answer in the spec: {result:'ok'} for a status, nothing
// for none, an asynchronous {result:'ok'} for a callback. A method that
// answers a value (or errFirst) answers null until the fake's hand-written
// samples give it one; the globals are the fake's own.
func fakeAnswers() []byte {
	var b bytes.Buffer
	b.WriteString(header)
	b.WriteString("\n//go:build js && wasm\n\npackage fakewidget\n\n")
	b.WriteString("// specAnswers is a JavaScript object literal: each method's default\n// answer as its answer kind in the spec implies. script's samples override it.\n")
	b.WriteString("const specAnswers = `{\n")
	for _, m := range jsapi.Methods() {
		if m.Global {
			continue
		}
		var f string
		switch m.Answer {
		case jsapi.AnswerStatus:
			f = "() => ({result: 'ok'})"
		case jsapi.AnswerCallback:
			f = "(cb) => later(() => cb({result: 'ok'}))"
		case jsapi.AnswerErrFirst:
			f = "(cb) => later(() => cb(null, null))"
		case jsapi.AnswerValue:
			f = "() => null"
		default:
			f = "() => undefined"
		}
		b.WriteString("  " + strconv.Quote(m.Name) + ": " + f + ",\n")
	}
	b.WriteString("}`\n")
	return b.Bytes()
}
