package gen

import (
	"strings"
	"testing"

	"github.com/jivokit/jivokit/jsapi"
)

// wasmMethods is wasmMethodsAt for the module that holds the working
// directory.
func wasmMethods(wasm bool) ([]byte, error) {
	root, err := Root(".")
	if err != nil {
		return nil, err
	}
	return wasmMethodsAt(root, wasm)
}

func testTypes(t *testing.T) map[string]*goType {
	t.Helper()
	root, err := Root(".")
	if err != nil {
		t.Fatal(err)
	}
	types, err := jsapiTypes(root)
	if err != nil {
		t.Fatal(err)
	}
	return types
}

// TestJSAPITypes checks what the generator reads of package jsapi's types:
// field order, json keys, underlying types and Validate methods.
func TestJSAPITypes(t *testing.T) {
	types := testTypes(t)
	msg := types["OfflineMessage"]
	if msg == nil || msg.underlying != "struct" || !msg.validate || len(msg.fields) != 5 ||
		msg.fields[0] != (goField{"Name", "string", "name"}) || msg.fields[4] != (goField{"Message", "string", "message"}) {
		t.Errorf("OfflineMessage read as %+v", msg)
	}
	if o := types["OpenOptions"]; o == nil || len(o.fields) != 1 || o.fields[0] != (goField{"Start", "OpenStart", "start"}) {
		t.Errorf("OpenOptions read as %+v", o)
	}
	for name, want := range map[string]string{"Rules": "[]byte", "ClientAttributes": "map[string]any", "OpenStart": "string"} {
		if got := types[name]; got == nil || got.underlying != want {
			t.Errorf("%s read as %+v, want underlying %s", name, got, want)
		}
	}
	if types["CustomField"].validate {
		t.Error("CustomField has no Validate method, but it was read with one")
	}
}

// argMethod is a made-up method for the writer's tests.
func argMethod(mod func(*jsapi.Method)) jsapi.Method {
	m := jsapi.Method{Name: "setFoo", GoName: "SetFoo", Answer: jsapi.AnswerNone,
		Params: []jsapi.Param{{Name: "foo_text", TS: "string", Go: "string", Check: "text"}}}
	if mod != nil {
		mod(&m)
	}
	return m
}

func writeBody(t *testing.T, m jsapi.Method) (string, error) {
	t.Helper()
	w, err := newArgWriter(testTypes(t), []jsapi.Method{m})
	if err != nil {
		return "", err
	}
	p, _, err := wasmParamOf(m)
	if err != nil {
		return "", err
	}
	return w.body(m, p)
}

func TestArgWriter(t *testing.T) {
	tests := []struct {
		name string
		m    jsapi.Method
		want []string
	}{
		{"a string checked by a rule", argMethod(nil),
			[]string{`a := newArgs(methodSetFoo, jsapi.ValidateRule("text", "foo_text", fooText))`, "\ta.arg(fooText)\n", "return a.send(ctx)"}},
		{"a named string checked by a rule", argMethod(func(m *jsapi.Method) { m.Params[0].Go, m.Params[0].Check = "OpenStart", "start" }),
			[]string{`jsapi.ValidateRule("start", "foo_text", string(fooText))`, "a.arg(string(fooText))"}},
		{"a check function", argMethod(func(m *jsapi.Method) { m.Params[0].Check = "ValidatePhone" }),
			[]string{"jsapi.ValidatePhone(fooText)"}},
		{"an optional object left out when zero", argMethod(func(m *jsapi.Method) {
			m.Params[0] = jsapi.Param{Name: "info", Go: "ContactInfo", Optional: true}
		}), []string{"info.Validate()", "if info != (jsapi.ContactInfo{}) {\n\t\ta.object(keysContactInfo, info.Name, info.Email, info.Phone, info.Description)\n\t}"}},
		{"a group with a constant and nested optional parameters", argMethod(func(m *jsapi.Method) {
			m.Arg, m.ArgName = "Invitation", "inv"
			m.Params = []jsapi.Param{{Name: "a", Go: "string", Field: "Text"}, {Name: "b", Go: "bool", Const: "true", Optional: true},
				{Name: "c", Go: "int", Field: "DepartmentID", Optional: true}, {Name: "d", Go: "string", Field: "Text", Optional: true}}
		}), []string{"inv.Validate()", "a.arg(inv.Text)\n\ta.arg(true)\n\tif inv.DepartmentID != 0 {\n\t\ta.arg(inv.DepartmentID)\n\t\tif inv.Text != \"\" {\n\t\t\ta.arg(inv.Text)\n\t\t}\n\t}\n"}},
	}
	for _, tt := range tests {
		got, err := writeBody(t, tt.m)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: the body\n%s\nlacks\n%s", tt.name, got, w)
			}
		}
	}
}

func TestArgWriterRefuses(t *testing.T) {
	tests := []struct {
		name, want string
		m          jsapi.Method
	}{
		{"an unknown rule", "neither a jsapi function nor a validation rule", argMethod(func(m *jsapi.Method) { m.Params[0].Check = "nosuch" })},
		{"no check for a string", "say how parameter foo_text is checked", argMethod(func(m *jsapi.Method) { m.Params[0].Check = "" })},
		{"a rule on a number", "a validation rule checks text", argMethod(func(m *jsapi.Method) { m.Params[0].Go = "int" })},
		{"several parameters without Arg", "name the jsapi struct type that groups them", argMethod(func(m *jsapi.Method) {
			m.Params = append(m.Params, jsapi.Param{Name: "more", Go: "string"})
		})},
		{"a Field without Arg", "has a Field but the method no Arg type", argMethod(func(m *jsapi.Method) { m.Params[0].Field = "Text" })},
		{"a Check with Arg", "checks the parameters of a method with an Arg", argMethod(func(m *jsapi.Method) {
			m.Arg, m.ArgName, m.Params[0].Field = "Invitation", "inv", "Text"
		})},
		{"Arg without ArgName", "ArgName", argMethod(func(m *jsapi.Method) { m.Arg, m.Params[0].Check = "Invitation", "" })},
		{"an Arg type without Validate", "needs a method Validate() error", argMethod(func(m *jsapi.Method) {
			m.Arg, m.ArgName, m.Params[0].Field, m.Params[0].Check = "CustomField", "f", "Title", ""
		})},
		{"a Field the Arg type lacks", "names no field of jsapi.Invitation", argMethod(func(m *jsapi.Method) {
			m.Arg, m.ArgName, m.Params[0].Field, m.Params[0].Check = "Invitation", "inv", "Nope", ""
		})},
		{"a required parameter after an optional one", "follows an optional one", argMethod(func(m *jsapi.Method) {
			m.Arg, m.ArgName = "Invitation", "inv"
			m.Params = []jsapi.Param{{Name: "a", Go: "int", Field: "DepartmentID", Optional: true}, {Name: "b", Go: "string", Field: "Text"}}
		})},
		{"an object with a number field", "writes objects of text fields only", argMethod(func(m *jsapi.Method) {
			m.Params[0] = jsapi.Param{Name: "inv", Go: "Invitation"}
		})},
		{"a slice of what is no struct", "cannot write a string as an object", argMethod(func(m *jsapi.Method) {
			m.Params[0] = jsapi.Param{Name: "c", Go: "[]string", Check: "ValidateX"}
		})},
	}
	for _, tt := range tests {
		_, err := writeBody(t, tt.m)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: got %v, want an error with %q", tt.name, err, tt.want)
		}
	}
}
