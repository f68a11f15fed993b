package gen

import (
	"bytes"
	"errors"
	"go/format"
	"strconv"
	"strings"
	"unicode"

	"github.com/jivokit/jivokit/jsapi"
)

func init() {
	register(Output{Path: "wasm/jivo/methods_gen.go", Order: 0, Generate: func(root string) ([]byte, error) { return wasmMethodsAt(root, true) }})
	register(Output{Path: "wasm/jivo/methods_host_gen.go", Order: 0, Generate: func(root string) ([]byte, error) { return wasmMethodsAt(root, false) }})
	register(Output{Path: "wasm/jivo/keys_gen.go", Order: 0, Generate: wasmKeys})
}

// wasmParam is the one Go parameter of a method: its name and type in
// package jivo's terms.
type wasmParam struct{ name, typ string }

func wasmParamOf(m jsapi.Method) (wasmParam, bool, error) {
	for _, p := range m.Params {
		switch {
		case m.Arg == "" && p.Field != "":
			return wasmParam{}, false, errors.New("method " + m.Name + ": parameter " + p.Name + " has a Field but the method no Arg type")
		case m.Arg != "" && p.Check != "":
			return wasmParam{}, false, errors.New("method " + m.Name + ": parameter " + p.Name + " has a Check, but the Validate method of jsapi." + m.Arg + " checks the parameters of a method with an Arg")
		}
	}
	if m.Arg != "" {
		if m.ArgName == "" {
			return wasmParam{}, false, errors.New("method " + m.Name + ": give the Go name of its Arg value in ArgName")
		}
		return wasmParam{m.ArgName, "jsapi." + m.Arg}, true, nil
	}
	switch len(m.Params) {
	case 0:
		return wasmParam{}, false, nil
	case 1:
		return wasmParam{goIdent(m.Params[0].Name), qualify(m.Params[0].Go)}, true, nil
	}
	return wasmParam{}, false, errors.New("method " + m.Name + " has several parameters; name the jsapi struct type that groups them in its Arg, and each parameter's field in Field")
}

// qualify spells a jsapi Go type from inside package jivo.
func qualify(t string) string {
	switch t {
	case "string", "int", "bool", "float64":
		return t
	}
	if rest, ok := strings.CutPrefix(t, "[]"); ok {
		return "[]" + qualify(rest)
	}
	return "jsapi." + t
}

// goIdent turns a parameter name of the reference (invitation_text) into a
// Go identifier (invitationText).
func goIdent(s string) string {
	var b strings.Builder
	up := false
	for _, r := range s {
		if r == '_' {
			up = true
			continue
		}
		if up {
			r = unicode.ToUpper(r)
			up = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// typeSuffix turns a Go type into the suffix of its decoder's name.
func typeSuffix(t string) string {
	t = strings.TrimPrefix(t, "jsapi.")
	return strings.ToUpper(t[:1]) + t[1:]
}

// sentence turns the spec's one-line doc into the rest of a doc comment
// that starts with the Go name: "Opens the chat window." -> "opens the chat window."
func sentence(doc string) string {
	if doc == "" {
		return ""
	}
	return strings.ToLower(doc[:1]) + doc[1:]
}

func wasmZero(t string) string {
	switch t {
	case "string", "jsapi.ChatMode":
		return `""`
	case "int", "float64":
		return "0"
	case "bool":
		return "false"
	}
	return t + "{}"
}

// wasmMethodsAt writes package jivo's typed functions, one per method and
// one subscription per callback: the js/wasm implementation when wasm is
// true, and otherwise the sibling for other platforms with the same API.
// The argument writers follow the jsapi types' source under root (field
// order, json tags, Validate methods).
func wasmMethodsAt(root string, wasm bool) ([]byte, error) {
	var w *argWriter
	if wasm {
		types, err := jsapiTypes(root)
		if err != nil {
			return nil, err
		}
		if w, err = newArgWriter(types, jsapi.Methods()); err != nil {
			return nil, err
		}
	}
	var b bytes.Buffer
	b.WriteString(header)
	if wasm {
		b.WriteString("\n//go:build js && wasm\n\npackage jivo\n\nimport (\n\t\"context\"\n\n\t\"github.com/jivokit/jivokit/jsapi\"\n)\n")
		b.WriteString("\n// Indexes of the methods in the page runtime's method table, jivokit.methods.\nconst (\n")
		for i, m := range jsapi.Methods() {
			b.WriteString("\tmethod" + m.GoName + " = " + strconv.Itoa(i) + "\n")
		}
		b.WriteString("\tnumMethods = " + strconv.Itoa(len(jsapi.Methods())) + "\n)\n")
		b.WriteString("\n// methodNames are the widget's names of the methods, by index.\nvar methodNames = [numMethods]string{\n")
		for _, m := range jsapi.Methods() {
			b.WriteString("\t" + strconv.Quote(m.Name) + ",\n")
		}
		b.WriteString("}\n")
		b.WriteString("\n// methodTable is JSON.stringify(jivokit.methods, [\"name\"]) on a page\n// whose runtime is of the same build: its method ids are this bridge's.\nconst methodTable = `[")
		for i, m := range jsapi.Methods() {
			if i > 0 {
				b.WriteString(",")
			}
			b.WriteString(`{"name":` + strconv.Quote(m.Name) + `}`)
		}
		b.WriteString("]`\n")
		b.WriteString("\n// trueOnly has the bit 1<<index of each method whose answer is a status:\n// only true, the runtime's success, is one.\nconst trueOnly = 0")
		for _, m := range jsapi.Methods() {
			if m.Answer == jsapi.AnswerStatus || m.Answer == jsapi.AnswerCallback {
				b.WriteString(" |\n\t1<<method" + m.GoName)
			}
		}
		b.WriteString("\n")
		b.WriteString("\n// Indexes of the callbacks in callbackNames.\nconst (\n")
		for i, c := range jsapi.Callbacks() {
			b.WriteString("\tcallback" + strings.TrimPrefix(c.GoName, "On") + " = " + strconv.Itoa(i) + "\n")
		}
		b.WriteString("\tnumCallbacks = " + strconv.Itoa(len(jsapi.Callbacks())) + "\n)\n")
		b.WriteString("\n// callbackNames are the jivo_on* globals, by index.\nvar callbackNames = [numCallbacks]string{\n")
		for _, c := range jsapi.Callbacks() {
			b.WriteString("\t" + strconv.Quote(c.Name) + ",\n")
		}
		b.WriteString("}\n")
	} else {
		b.WriteString("\n//go:build !(js && wasm)\n\npackage jivo\n\nimport (\n\t\"context\"\n\n\t\"github.com/jivokit/jivokit/jsapi\"\n)\n")
	}

	for _, m := range jsapi.Methods() {
		p, hasParam, err := wasmParamOf(m)
		if err != nil {
			return nil, err
		}
		result := ""
		if m.Answer == jsapi.AnswerValue || m.Answer == jsapi.AnswerErrFirst {
			result = qualify(m.ResultGo)
		}
		writeMethodDoc(&b, m, p, hasParam, wasm)
		b.WriteString("func " + m.GoName + "(ctx context.Context")
		if hasParam {
			b.WriteString(", " + p.name + " " + p.typ)
		}
		b.WriteString(")")
		if result != "" {
			b.WriteString(" (" + result + ", error)")
		} else {
			b.WriteString(" error")
		}
		b.WriteString(" {\n")
		switch {
		case !wasm && result != "":
			b.WriteString("\treturn " + wasmZero(result) + ", ErrUnsupported\n")
		case !wasm:
			b.WriteString("\treturn ErrUnsupported\n")
		case hasParam && result != "":
			return nil, errors.New("method " + m.Name + " takes a parameter and answers a value; wasm/jivo has no such call yet")
		case hasParam:
			body, err := w.body(m, p)
			if err != nil {
				return nil, err
			}
			b.WriteString(body)
		case result != "":
			b.WriteString("\treturn call" + typeSuffix(result) + "(ctx, method" + m.GoName + ")\n")
		default:
			b.WriteString("\t_, err := call(ctx, method" + m.GoName + ", nil)\n\treturn err\n")
		}
		b.WriteString("}\n")
	}

	for _, c := range jsapi.Callbacks() {
		if err := wasmListenerType(c); err != nil {
			return nil, err
		}
		b.WriteString("\n// " + c.GoName + " subscribes fn to " + c.Name + ", " + sentence(strings.TrimPrefix(c.Doc, "Executed ")) + "\n")
		b.WriteString("// fn runs on a goroutine of its own and receives the events in order; it\n// may block and call any function of this package. The returned function\n// unsubscribes fn.\n")
		if !wasm {
			b.WriteString("// On this platform nothing is ever delivered.\n")
		}
		b.WriteString("func " + c.GoName + "(fn func(")
		for i, p := range c.Params {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(goIdent(p.Name) + " " + qualify(p.Go))
		}
		b.WriteString(")) (unsubscribe func()) {\n")
		if !wasm {
			b.WriteString("\treturn func() {}\n}\n")
			continue
		}
		b.WriteString("\tif fn == nil {\n\t\treturn nop\n\t}\n")
		b.WriteString("\treturn listen(callback" + strings.TrimPrefix(c.GoName, "On") + ", fn)\n}\n")
	}
	return format.Source(b.Bytes())
}

// wasmListenerType checks that the bridge's hand-written listener code
// (listen.go, decodeEvent) knows the Go type of c's listener: it decodes no
// argument, a ChatState or a CallResult.
func wasmListenerType(c jsapi.Callback) error {
	if len(c.Params) == 0 || len(c.Params) == 1 && (c.Params[0].Go == "ChatState" || c.Params[0].Go == "CallResult") {
		return nil
	}
	return errors.New("callback " + c.Name + " has parameters the bridge cannot decode yet; teach wasm/jivo's decodeEvent and listener.run their types")
}

// wasmDocs are the first sentences, in Go's terms, of the methods whose
// spec doc speaks of what JavaScript sees (callback arguments, answer
// objects, null) and a Go caller never does.
var wasmDocs = map[string]string{
	"open":               "opens the chat window; OpenOptions{Start: jsapi.StartCall} opens the callback form.",
	"getContactInfo":     "reads the visitor's contact info from the contacts form; what the visitor left empty is \"\".",
	"getVisitorNumber":   "answers the visitor's unique number (1, 2, 3, ...).",
	"setUserToken":       "sets the visitor's id, which the widget sends in webhook events.",
	"isCallbackEnabled":  "checks whether calls are available: it returns nil when they are, an error matching jsapi.ErrCallbackDisabled when they are off in the admin panel, and one matching jsapi.ErrCallbackUnavailable when they are not available now (the day, the time, or a call already started).",
	"sendOfflineMessage": "sends an offline message directly; the widget's complaint about its fields is a *jsapi.WidgetError.",
}

// wasmKind says which Go value an answer must read as, for the docs.
func wasmKind(goType string) string {
	switch goType {
	case "int":
		return "a whole number"
	case "ChatMode":
		return "a string"
	}
	return "an object"
}

func writeMethodDoc(b *bytes.Buffer, m jsapi.Method, p wasmParam, hasParam, wasm bool) {
	doc, ok := wasmDocs[m.Name]
	if !ok {
		doc = sentence(m.Doc)
	}
	b.WriteString("\n// " + m.GoName + " " + doc + "\n//\n")
	target := "jivo_api." + m.Name
	if m.Global {
		target = m.Name
	}
	var params []string
	for _, q := range m.Params {
		params = append(params, q.Name)
	}
	if m.Answer.Async() {
		params = append(params, "callback")
	}
	b.WriteString("// It calls " + target + "(" + strings.Join(params, ", ") + ")")
	if hasParam {
		b.WriteString(" after checking " + p.name + "; a value\n// refused is an *jsapi.InputError and reaches no widget, and one jivokit\n// only advises on (a *jsapi.Warning) goes to the error handler and on to\n// the widget, unless SetStrict")
	}
	b.WriteString(".\n")
	switch m.Answer {
	case jsapi.AnswerStatus:
		b.WriteString("// A failure the widget reports, or an answer that is not a success, is a\n// *jsapi.WidgetError with the widget's reason.\n")
	case jsapi.AnswerCallback:
		b.WriteString("// It waits for the widget's answer: a failure, or an answer that is not a\n// success, is a *jsapi.WidgetError with the widget's reason.\n")
	case jsapi.AnswerErrFirst:
		b.WriteString("// It waits for the widget's answer: a failure, or an answer that is not\n// " + wasmKind(m.ResultGo) + ", is a *jsapi.WidgetError.\n")
	case jsapi.AnswerValue:
		b.WriteString("// An answer that is not " + wasmKind(m.ResultGo) + " is a *jsapi.WidgetError.\n")
	}
	if m.Immediate {
		b.WriteString("// It is never queued: it goes to the page at once, loaded or not.\n")
	} else {
		b.WriteString("// Before the widget has loaded the call is queued, and ctx bounds the wait.\n")
		if wasm {
			b.WriteString("// Call it from a goroutine, never directly in a js.FuncOf callback: a\n// wait there cannot end (see the package documentation).\n")
		}
	}
	if !wasm {
		b.WriteString("// On this platform it returns ErrUnsupported.\n")
	}
}
