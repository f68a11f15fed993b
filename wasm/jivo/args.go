//go:build js && wasm

package jivo

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/jivokit/jivokit/jsapi"
)

// args are a call's arguments, in the cheapest form for their shape:
// strings, numbers and booleans are passed as they are; an object or array
// argument is written as JSON text and built on the JavaScript side by one
// JSON.parse, which costs far fewer calls into JavaScript than setting its
// fields one by one.
type args struct {
	// vals[0] is left for the method's index; vals[1:n+1] are the arguments.
	vals [4]any
	n    int
	// json, when set, is the one argument as JSON text.
	json []byte
	// field names the parameter whose JSON the caller wrote (setRules), so
	// that text JSON.parse rejects is an *jsapi.InputError.
	field string
}

func (a *args) add(v any) {
	a.n++
	a.vals[a.n] = v
}

// object is a JSON object being written; empty fields are left out.
type object struct {
	b     []byte
	first bool
}

func newObject(b []byte) object { return object{b: append(b, '{'), first: true} }

func (o *object) str(key, value string) {
	if value == "" {
		return
	}
	o.key(key)
	o.b = appendJSONString(o.b, value)
}

func (o *object) key(key string) {
	if !o.first {
		o.b = append(o.b, ',')
	}
	o.first = false
	o.b = appendJSONString(o.b, key)
	o.b = append(o.b, ':')
}

func (o *object) end() []byte { return append(o.b, '}') }

const hex = "0123456789abcdef"

// appendJSONString appends s as a JSON string; invalid UTF-8 becomes U+FFFD.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

func argsOpen(a *args, options jsapi.OpenOptions) error {
	if err := options.Validate(); err != nil {
		return err
	}
	if options.Start != jsapi.StartDefault {
		o := newObject(nil)
		o.str("start", string(options.Start))
		a.json = o.end()
	}
	return nil
}

func argsSetContactInfo(a *args, info jsapi.ContactInfo) error {
	if err := info.Validate(); err != nil {
		return err
	}
	a.json = contactInfoJSON(nil, info)
	return nil
}

func contactInfoJSON(b []byte, info jsapi.ContactInfo) []byte {
	o := newObject(b)
	o.str("name", info.Name)
	o.str("email", info.Email)
	o.str("phone", info.Phone)
	o.str("description", info.Description)
	return o.end()
}

func argsSetCustomData(a *args, fields []jsapi.CustomField) error {
	if err := jsapi.ValidateCustomData(fields); err != nil {
		return err
	}
	b := make([]byte, 0, 64*len(fields)+2)
	b = append(b, '[')
	for i, f := range fields {
		if i > 0 {
			b = append(b, ',')
		}
		o := newObject(b)
		o.str("content", f.Content)
		o.str("title", f.Title)
		o.str("link", f.Link)
		o.str("key", f.Key)
		b = o.end()
	}
	a.json = append(b, ']')
	return nil
}

func argsSetRules(a *args, rules jsapi.Rules) error {
	if err := rules.Validate(); err != nil {
		return err
	}
	a.json = rules
	a.field = "rules"
	return nil
}

func argsSetUserToken(a *args, token string) error {
	switch {
	case strings.TrimSpace(token) == "":
		return &jsapi.InputError{Field: "token", Problem: "is empty"}
	case !utf8.ValidString(token):
		return &jsapi.InputError{Field: "token", Problem: "is not valid UTF-8"}
	}
	a.add(token)
	return nil
}

func argsShowProactiveInvitation(a *args, inv jsapi.Invitation) error {
	if err := inv.Validate(); err != nil {
		return err
	}
	a.add(inv.Text)
	if inv.DepartmentID != 0 {
		a.add(inv.DepartmentID)
	}
	return nil
}

func argsStartCall(a *args, phone string) error {
	if err := jsapi.ValidatePhone(phone); err != nil {
		return err
	}
	a.add(phone)
	return nil
}

func argsSendOfflineMessage(a *args, message jsapi.OfflineMessage) error {
	if err := message.Validate(); err != nil {
		return err
	}
	o := newObject(nil)
	o.str("name", message.Name)
	o.str("email", message.Email)
	o.str("phone", message.Phone)
	o.str("description", message.Description)
	o.str("message", message.Message)
	a.json = o.end()
	return nil
}

func argsSetWidgetColor(a *args, color jsapi.WidgetColor) error {
	if err := color.Validate(); err != nil {
		return err
	}
	a.add(color.Color)
	if color.Color2 != "" {
		a.add(color.Color2)
	}
	return nil
}

func argsSendPageTitle(a *args, page jsapi.PageTitle) error {
	switch {
	case strings.TrimSpace(page.Title) == "":
		return &jsapi.InputError{Field: "title", Problem: "is empty"}
	case !utf8.ValidString(page.Title):
		return &jsapi.InputError{Field: "title", Problem: "is not valid UTF-8"}
	case page.URL != "" && !utf8.ValidString(page.URL):
		return &jsapi.InputError{Field: "url", Problem: "is not valid UTF-8"}
	}
	a.add(page.Title)
	a.add(true)
	if page.URL != "" {
		a.add(page.URL)
	}
	return nil
}

func argsSetClientAttributes(a *args, attributes jsapi.ClientAttributes) error {
	if err := attributes.Validate(); err != nil {
		return err
	}
	ids := make([]string, 0, len(attributes))
	for id := range attributes {
		ids = append(ids, id)
	}
	sortStrings(ids)
	o := newObject(nil)
	for _, id := range ids {
		var f float64
		switch v := attributes[id].(type) {
		case string:
			o.key(id)
			o.b = appendJSONString(o.b, v)
			continue
		case int:
			f = float64(v)
		case int8:
			f = float64(v)
		case int16:
			f = float64(v)
		case int32:
			f = float64(v)
		case int64:
			f = float64(v)
		case uint:
			f = float64(v)
		case uint8:
			f = float64(v)
		case uint16:
			f = float64(v)
		case uint32:
			f = float64(v)
		case uint64:
			f = float64(v)
		case float32:
			f = float64(v)
		case float64:
			f = v
		}
		if f != f || f > maxFloat || f < -maxFloat {
			return &jsapi.InputError{Field: "attributes[" + strconv.Quote(id) + "]", Problem: "is not a finite number"}
		}
		o.key(id)
		o.b = strconv.AppendFloat(o.b, f, 'g', -1, 64)
	}
	a.json = o.end()
	return nil
}

const maxFloat = 1.7976931348623157e308

// sortStrings sorts a few ids; package slices would add more to the binary
// than an insertion sort.
func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}
