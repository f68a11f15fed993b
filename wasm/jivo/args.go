//go:build js && wasm

package jivo

import (
	"strconv"
	"syscall/js"

	"github.com/jivokit/jivokit/jsapi"
)

// text is a call's checked arguments. They all cross to JavaScript as one
// JSON array text, [method index, arguments...], that the bridge applies
// to jivokit.call after one JSON.parse: one crossing whatever the
// arguments, and one small code path for every method. Everything is
// written through add, which keeps the WebAssembly code small.
type text struct {
	b   []byte
	err error // what is wrong with the arguments
}

// newText starts the arguments of method m, whose check gave err.
func newText(m int, err error) *text {
	t := &text{b: make([]byte, 0, 64), err: err}
	t.add("[")
	t.int(m)
	return t
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

func (t *text) int(n int) {
	t.sep()
	t.add(strconv.Itoa(n))
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

// The keys of the objects the methods take, in the order of the fields of
// their Go types.
var (
	openKeys = []string{`"start":`}
	// ContactInfo's, then OfflineMessage's own field.
	contactKeys     = []string{`"name":`, `"email":`, `"phone":`, `"description":`, `"message":`}
	customFieldKeys = []string{`"content":`, `"title":`, `"link":`, `"key":`}
)

func argsOpen(options jsapi.OpenOptions) *text {
	t := newText(methodOpen, options.Validate())
	if options.Start != jsapi.StartDefault {
		t.object(openKeys, string(options.Start))
	}
	return t
}

func argsSetContactInfo(info jsapi.ContactInfo) *text {
	t := newText(methodSetContactInfo, info.Validate())
	t.object(contactKeys, info.Name, info.Email, info.Phone, info.Description)
	return t
}

func argsSetCustomData(fields []jsapi.CustomField) *text {
	t := newText(methodSetCustomData, jsapi.ValidateCustomData(fields))
	t.sep()
	t.add("[")
	for _, f := range fields {
		t.object(customFieldKeys, f.Content, f.Title, f.Link, f.Key)
	}
	t.add("]")
	return t
}

// argsSetRules writes the rules as they are, after JSON.parse has taken
// them on their own: text it rejects, or that holds more than one value,
// is an *jsapi.InputError.
func argsSetRules(rules jsapi.Rules) *text {
	err := rules.Validate()
	if err == nil {
		var p *page
		if p, err = bridge(); err == nil {
			if _, reason := try(p.parse, string(rules)); reason != "" {
				err = &jsapi.InputError{Field: "rules", Problem: "is not valid JSON: " + reason}
			}
		}
	}
	t := newText(methodSetRules, err)
	t.sep()
	t.add(string(rules))
	return t
}

func argsSetUserToken(token string) *text {
	t := newText(methodSetUserToken, jsapi.ValidateUserToken(token))
	t.str(token)
	return t
}

func argsShowProactiveInvitation(inv jsapi.Invitation) *text {
	t := newText(methodShowProactiveInvitation, inv.Validate())
	t.str(inv.Text)
	if inv.DepartmentID != 0 {
		t.int(inv.DepartmentID)
	}
	return t
}

func argsStartCall(phone string) *text {
	t := newText(methodStartCall, jsapi.ValidatePhone(phone))
	t.str(phone)
	return t
}

func argsSendOfflineMessage(message jsapi.OfflineMessage) *text {
	t := newText(methodSendOfflineMessage, message.Validate())
	t.object(contactKeys, message.Name, message.Email, message.Phone, message.Description, message.Message)
	return t
}

func argsSetWidgetColor(color jsapi.WidgetColor) *text {
	t := newText(methodSetWidgetColor, color.Validate())
	t.str(color.Color)
	if color.Color2 != "" {
		t.str(color.Color2)
	}
	return t
}

func argsSendPageTitle(page jsapi.PageTitle) *text {
	t := newText(methodSendPageTitle, page.Validate())
	t.str(page.Title)
	t.add(",true")
	if page.URL != "" {
		t.str(page.URL)
	}
	return t
}

// argsSetClientAttributes writes the attributes in the order of their ids.
// A number of any Go integer or float type is written as the float64
// JavaScript receives (js.ValueOf, already in every syscall/js program,
// does the conversion).
func argsSetClientAttributes(attributes jsapi.ClientAttributes) *text {
	err := attributes.Validate()
	t := newText(methodSetClientAttributes, err)
	if err != nil {
		return t
	}
	ids := make([]string, 0, len(attributes))
	for id := range attributes {
		ids = append(ids, id)
	}
	sortStrings(ids)
	t.sep()
	t.add("{")
	for _, id := range ids {
		t.str(id)
		t.add(":")
		if s, ok := attributes[id].(string); ok {
			t.str(s)
		} else {
			t.add(strconv.FormatFloat(js.ValueOf(attributes[id]).Float(), 'g', -1, 64))
		}
	}
	t.add("}")
	return t
}

// sortStrings sorts a few ids; packages sort and slices would add more to
// the binary than an insertion sort.
func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}
