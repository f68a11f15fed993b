package gen

import (
	"bytes"
	"errors"
	"go/format"
	"slices"
	"strconv"
	"strings"

	"github.com/jivokit/jivokit/jsapi"
)

// The Go bridge's argument writers: for each method that takes arguments,
// the body of its Go function checks the value (Param.Check, or the Validate
// method of its type), writes each parameter with package jivo's args (see
// wasm/jivo/args.go), leaving out optional ones that are zero, and makes
// the call. Objects are written as JSON text under the keys of their json
// tags, in field order; the key tables are generated too.

// argWriter writes the argument code of package jivo.
type argWriter struct {
	types map[string]*goType
	// tables are the key tables, each named after the type whose keys it
	// holds; table maps each struct type written to the table it uses: a
	// type whose keys start another's uses that one's.
	tables []keyTable
	table  map[string]string
}

type keyTable struct {
	name string
	keys []string
}

func newArgWriter(types map[string]*goType, methods []jsapi.Method) (*argWriter, error) {
	w := &argWriter{types: types, table: map[string]string{}}
	// The struct types written as objects, in the order they first appear.
	var objects []*goType
	for _, m := range methods {
		for _, p := range m.Params {
			typ := p.Go
			if f, ok := w.field(m.Arg, p.Field); ok {
				typ = f.typ
			}
			t := w.types[strings.TrimPrefix(typ, "[]")]
			if p.Const != "" || t == nil || t.underlying != "struct" || slices.Contains(objects, t) {
				continue
			}
			for _, f := range t.fields {
				if f.key == "" {
					return nil, errors.New("jsapi." + t.name + "." + f.name + " has no json tag: the bridge writes it under that key")
				}
			}
			objects = append(objects, t)
		}
	}
	// The longest key lists make the tables; shorter lists that start one
	// share it.
	byLength := slices.Clone(objects)
	slices.SortStableFunc(byLength, func(a, b *goType) int { return len(b.fields) - len(a.fields) })
	for _, t := range byLength {
		keys := make([]string, len(t.fields))
		for i, f := range t.fields {
			keys[i] = `"` + f.key + `":`
		}
		for _, tb := range w.tables {
			if len(tb.keys) >= len(keys) && slices.Equal(tb.keys[:len(keys)], keys) {
				w.table[t.name] = tb.name
				break
			}
		}
		if w.table[t.name] == "" {
			name := "keys" + t.name
			w.tables = append(w.tables, keyTable{name, keys})
			w.table[t.name] = name
		}
	}
	return w, nil
}

// wasmKeys writes the key tables of the argument writers, for every
// platform: a host test compares them with the json tags.
func wasmKeys(root string) ([]byte, error) {
	types, err := jsapiTypes(root)
	if err != nil {
		return nil, err
	}
	w, err := newArgWriter(types, jsapi.Methods())
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.WriteString(header + "\npackage jivo\n")
	w.writeKeys(&b)
	return format.Source(b.Bytes())
}

// writeKeys writes the key tables.
func (w *argWriter) writeKeys(b *bytes.Buffer) {
	b.WriteString("\n// The JSON keys of the objects the bridge writes, in the order of the\n// fields of their jsapi types (a type whose keys start a longer table's\n// uses that table).\nvar (\n")
	for _, tb := range w.tables {
		b.WriteString("\t" + tb.name + " = []string{")
		for i, k := range tb.keys {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString("`" + k + "`")
		}
		b.WriteString("}\n")
	}
	b.WriteString(")\n")
}

// body writes the Go function of method m, which takes the value p: its
// check, its arguments and the call.
func (w *argWriter) body(m jsapi.Method, p wasmParam) (string, error) {
	check, err := w.check(m, p)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	b.WriteString("\ta := newArgs(method" + m.GoName + ", " + check + ")\n")
	if t := w.types[m.Arg]; m.Arg != "" && t != nil && t.capped {
		// Validate reported what Capped cuts; the capped value is sent.
		b.WriteString("\t" + p.name + " = " + p.name + ".Capped()\n")
	}
	indent := "\t"
	closing := ""
	for _, q := range m.Params {
		expr, typ := p.name, q.Go
		switch {
		case q.Const != "":
			expr = q.Const
		case m.Arg != "":
			f, ok := w.field(m.Arg, q.Field)
			if !ok {
				return "", errors.New("method " + m.Name + ": parameter " + q.Name + " names no field of jsapi." + m.Arg + " in Field")
			}
			expr, typ = p.name+"."+f.name, f.typ
		}
		if q.Optional && q.Const == "" {
			// An optional parameter that is zero is left out, and with it
			// every parameter after it: JavaScript's are by position.
			zero, err := w.nonZero(expr, typ)
			if err != nil {
				return "", errors.New("method " + m.Name + ": parameter " + q.Name + ": " + err.Error())
			}
			b.WriteString(indent + "if " + zero + " {\n")
			indent += "\t"
			closing = indent[1:] + "}\n" + closing
		} else if closing != "" && !q.Optional {
			return "", errors.New("method " + m.Name + ": required parameter " + q.Name + " follows an optional one")
		}
		code, err := w.value(expr, typ, indent)
		if err != nil {
			return "", errors.New("method " + m.Name + ": parameter " + q.Name + ": " + err.Error())
		}
		b.WriteString(code)
	}
	b.WriteString(closing)
	b.WriteString("\treturn a.send(ctx)\n")
	return b.String(), nil
}

// check is the Go expression that checks the value p of method m.
func (w *argWriter) check(m jsapi.Method, p wasmParam) (string, error) {
	if m.Arg != "" {
		if t := w.types[m.Arg]; t == nil || !t.validate {
			return "", errors.New("method " + m.Name + ": its Arg type jsapi." + m.Arg + " needs a method Validate() error")
		}
		return p.name + ".Validate()", nil
	}
	q := m.Params[0]
	switch {
	case q.Check == "":
		if t := w.types[q.Go]; t == nil || !t.validate {
			return "", errors.New("method " + m.Name + ": say how parameter " + q.Name + " is checked in its Check (its type " + q.Go + " has no Validate method)")
		}
		return p.name + ".Validate()", nil
	case 'A' <= q.Check[0] && q.Check[0] <= 'Z':
		return "jsapi." + q.Check + "(" + p.name + ")", nil
	}
	found := false
	for _, r := range jsapi.ValidationRules().Rules {
		found = found || r.Name == q.Check
	}
	if !found {
		return "", errors.New("method " + m.Name + ": parameter " + q.Name + " has Check " + strconv.Quote(q.Check) + ", which is neither a jsapi function nor a validation rule")
	}
	v := p.name
	if q.Go != "string" {
		if t := w.types[q.Go]; t == nil || t.underlying != "string" {
			return "", errors.New("method " + m.Name + ": a validation rule checks text, and parameter " + q.Name + " is a " + q.Go)
		}
		v = "string(" + v + ")"
	}
	return "jsapi.ValidateRule(" + strconv.Quote(q.Check) + ", " + strconv.Quote(q.Name) + ", " + v + ")", nil
}

func (w *argWriter) field(typ, name string) (goField, bool) {
	if t := w.types[typ]; t != nil {
		for _, f := range t.fields {
			if f.name == name {
				return f, true
			}
		}
	}
	return goField{}, false
}

// nonZero is the Go condition that expr, of Go type typ, is not zero.
func (w *argWriter) nonZero(expr, typ string) (string, error) {
	switch typ {
	case "string":
		return expr + ` != ""`, nil
	case "int", "float64":
		return expr + " != 0", nil
	case "bool":
		return expr, nil
	}
	t := w.types[typ]
	switch {
	case strings.HasPrefix(typ, "[]"), t != nil && (strings.HasPrefix(t.underlying, "[]") || strings.HasPrefix(t.underlying, "map[")):
		return "len(" + expr + ") != 0", nil
	case t == nil:
		return "", errors.New("the bridge cannot tell when a " + typ + " is zero")
	case t.underlying == "struct":
		return expr + " != (jsapi." + typ + "{})", nil
	}
	return w.nonZero(expr, t.underlying)
}

// value writes the argument expr of Go type typ: strings, numbers and
// booleans as they are, structs as JSON objects, slices of structs as JSON
// arrays of them, []byte types as JSON text, map[string]any types as the
// object js.ValueOf builds.
func (w *argWriter) value(expr, typ, indent string) (string, error) {
	switch typ {
	case "string", "int", "float64", "bool":
		return indent + "a.arg(" + expr + ")\n", nil
	}
	if elem, ok := strings.CutPrefix(typ, "[]"); ok {
		obj, err := w.object("v", elem)
		if err != nil {
			return "", err
		}
		return indent + "a.add(\"[\")\n" + indent + "for _, v := range " + expr + " {\n" + indent + "\t" + obj + "\n" + indent + "}\n" + indent + "a.add(\"]\")\n", nil
	}
	t := w.types[typ]
	if t == nil {
		return "", errors.New("the bridge cannot write a " + typ)
	}
	switch t.underlying {
	case "struct":
		obj, err := w.object(expr, typ)
		return indent + obj + "\n", err
	case "string", "int", "float64", "bool":
		return indent + "a.arg(" + t.underlying + "(" + expr + "))\n", nil
	case "[]byte":
		// JSON text, passed as it is: call makes what JSON.parse refuses
		// an *jsapi.InputError.
		return indent + "// JSON text as it is: call makes what JSON.parse refuses an\n" + indent + "// *jsapi.InputError.\n" + indent + "a.json = " + expr + "\n", nil
	case "map[string]any":
		// js.ValueOf builds it (already in every syscall/js program): a
		// number of any Go integer or float type arrives as a number.
		return indent + "// js.ValueOf builds the object: a number of any Go integer or float\n" + indent + "// type arrives as a JavaScript number.\n" + indent + "a.arg(map[string]any(" + expr + "))\n", nil
	}
	return "", errors.New("the bridge cannot write a " + typ + " (" + t.underlying + ")")
}

// object is the Go statement that writes expr, of the struct type typ, as
// a JSON object of its non-empty fields.
func (w *argWriter) object(expr, typ string) (string, error) {
	t := w.types[typ]
	if t == nil || t.underlying != "struct" {
		return "", errors.New("the bridge cannot write a " + typ + " as an object")
	}
	s := "a.object(" + w.table[typ]
	for _, f := range t.fields {
		v := expr + "." + f.name
		if f.typ != "string" {
			if ft := w.types[f.typ]; ft == nil || ft.underlying != "string" {
				return "", errors.New("the bridge writes objects of text fields only, and jsapi." + typ + "." + f.name + " is a " + f.typ + "; teach wasm/jivo's args its type")
			}
			v = "string(" + v + ")"
		}
		s += ", " + v
	}
	return s + ")", nil
}
