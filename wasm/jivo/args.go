//go:build js && wasm

package jivo

import (
	"strconv"
	"syscall/js"

	"github.com/jivokit/jivokit/jsapi"
)

// args are a call's checked arguments. All of them cross to JavaScript as
// one JSON array text, [method index, arguments...], which the bridge turns
// into the call with one JSON.parse: one crossing whatever the arguments,
// and one small code path for every method.
type args struct {
	json text  // the array, unclosed; nil for a call without arguments
	err  error // what is wrong with the arguments
}

// text is JSON text being written. A value is preceded by a comma unless
// it opens an array or object, or follows a key.
type text []byte

// start opens the arguments' array of method m.
func start(m int) text { return text{'['}.int(m) }

func (t text) sep() text {
	if c := t[len(t)-1]; c != '[' && c != '{' && c != ':' {
		t = append(t, ',')
	}
	return t
}

func (t text) int(n int) text { return appendInt(t.sep(), n) }

func (t text) str(s string) text { return appendString(t.sep(), s) }

// field writes key: s, leaving out an empty s; key is plain ASCII.
func (t text) field(key, s string) text {
	if s == "" {
		return t
	}
	t = append(append(append(t.sep(), '"'), key...), '"', ':')
	return appendString(t, s)
}

func (t text) open(c byte) text { return append(t.sep(), c) }

func appendInt(b []byte, n int) []byte {
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	if n >= 10 {
		b = appendInt(b, n/10)
	}
	return append(b, byte('0'+n%10))
}

// appendString appends s as a JSON string. Invalid UTF-8 needs no care
// here: the text crosses to JavaScript as UTF-8, where each invalid
// sequence becomes U+FFFD.
func appendString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < ' ' || c == '"' || c == '\\' {
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
		} else {
			b = append(b, c)
		}
	}
	return append(b, '"')
}

func argsOpen(options jsapi.OpenOptions) args {
	t := start(methodOpen)
	if options.Start != jsapi.StartDefault {
		t = t.open('{').field("start", string(options.Start))
		t = append(t, '}')
	}
	return args{t, options.Validate()}
}

func argsSetContactInfo(info jsapi.ContactInfo) args {
	t := start(methodSetContactInfo).open('{').
		field("name", info.Name).
		field("email", info.Email).
		field("phone", info.Phone).
		field("description", info.Description)
	return args{append(t, '}'), info.Validate()}
}

func argsSetCustomData(fields []jsapi.CustomField) args {
	if err := jsapi.ValidateCustomData(fields); err != nil {
		return args{err: err}
	}
	t := start(methodSetCustomData).open('[')
	for _, f := range fields {
		t = t.open('{').
			field("content", f.Content).
			field("title", f.Title).
			field("link", f.Link).
			field("key", f.Key)
		t = append(t, '}')
	}
	return args{append(t, ']'), nil}
}

// argsSetRules writes the rules as they are: the bridge parses them on
// their own first (checkRules), so that text JSON.parse rejects, or that
// holds more than one value, is an *jsapi.InputError.
func argsSetRules(rules jsapi.Rules) args {
	t := start(methodSetRules).sep()
	return args{append(t, rules...), rules.Validate()}
}

func argsSetUserToken(token string) args {
	return args{start(methodSetUserToken).str(token), jsapi.ValidateUserToken(token)}
}

func argsShowProactiveInvitation(inv jsapi.Invitation) args {
	t := start(methodShowProactiveInvitation).str(inv.Text)
	if inv.DepartmentID != 0 {
		t = t.int(inv.DepartmentID)
	}
	return args{t, inv.Validate()}
}

func argsStartCall(phone string) args {
	return args{start(methodStartCall).str(phone), jsapi.ValidatePhone(phone)}
}

func argsSendOfflineMessage(message jsapi.OfflineMessage) args {
	t := start(methodSendOfflineMessage).open('{').
		field("name", message.Name).
		field("email", message.Email).
		field("phone", message.Phone).
		field("description", message.Description).
		field("message", message.Message)
	return args{append(t, '}'), message.Validate()}
}

func argsSetWidgetColor(color jsapi.WidgetColor) args {
	t := start(methodSetWidgetColor).str(color.Color)
	if color.Color2 != "" {
		t = t.str(color.Color2)
	}
	return args{t, color.Validate()}
}

func argsSendPageTitle(page jsapi.PageTitle) args {
	t := append(start(methodSendPageTitle).str(page.Title), ",true"...)
	if page.URL != "" {
		t = t.str(page.URL)
	}
	return args{t, page.Validate()}
}

// argsSetClientAttributes writes the attributes in the order of their ids.
// A number of any Go integer or float type is written as the float64
// JavaScript receives (js.ValueOf, already in every syscall/js program,
// does the conversion).
func argsSetClientAttributes(attributes jsapi.ClientAttributes) args {
	if err := attributes.Validate(); err != nil {
		return args{err: err}
	}
	ids := make([]string, 0, len(attributes))
	for id := range attributes {
		ids = append(ids, id)
	}
	sortStrings(ids)
	t := start(methodSetClientAttributes).open('{')
	for _, id := range ids {
		t = t.str(id)
		t = append(t, ':')
		if s, ok := attributes[id].(string); ok {
			t = appendString(t, s)
		} else {
			t = strconv.AppendFloat(t, js.ValueOf(attributes[id]).Float(), 'g', -1, 64)
		}
	}
	return args{append(t, '}'), nil}
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
