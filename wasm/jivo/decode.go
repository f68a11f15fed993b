//go:build js && wasm

package jivo

import (
	"context"
	"strconv"
	"syscall/js"

	"github.com/jivokit/jivokit/jsapi"
)

// value calls method m, which takes no arguments, and returns its answer
// when its type is in want (a set of 1<<js.Type): null and undefined
// answer undefined, other types are a *jsapi.WidgetError.
func value(ctx context.Context, m int, want int) (js.Value, error) {
	v, err := call(ctx, m, nil)
	switch t := v.Type(); {
	case err != nil || t <= js.TypeNull:
		return js.Value{}, err // undefined
	case want>>t&1 == 0:
		return js.Value{}, &jsapi.WidgetError{Method: methodNames[m], Reason: "answered a value of type " + t.String()}
	}
	return v, nil
}

// str reads a string field of an answer object; null, undefined and
// anything else that is not a string or a number read as "".
func str(o js.Value, key string) string {
	v := o.Get(key)
	switch v.Type() {
	case js.TypeString:
		return v.String()
	case js.TypeNumber:
		return strconv.FormatFloat(v.Float(), 'f', -1, 64)
	}
	return ""
}

func callChatMode(ctx context.Context, m int) (jsapi.ChatMode, error) {
	v, err := value(ctx, m, 1<<js.TypeString)
	if v.IsUndefined() {
		return "", err
	}
	return jsapi.ChatMode(v.String()), nil
}

// fields calls method m and reads the string fields keys of its object
// answer; null and undefined read as no fields.
func fields(ctx context.Context, m int, keys []string) (s [5]string, err error) {
	v, err := value(ctx, m, 1<<js.TypeObject)
	for i := 0; !v.IsUndefined() && i < len(keys); i++ {
		s[i] = str(v, keys[i])
	}
	return s, err
}

var (
	contactInfoKeys = []string{"client_name", "email", "phone", "description", "name"}
	utmKeys         = []string{"source", "campaign", "content", "medium", "term"}
)

// callContactInfo reads getContactInfo's answer: the name is client_name
// (or name), and null stands for an empty field.
func callContactInfo(ctx context.Context, m int) (jsapi.ContactInfo, error) {
	s, err := fields(ctx, m, contactInfoKeys)
	if s[0] == "" {
		s[0] = s[4]
	}
	return jsapi.ContactInfo{Name: s[0], Email: s[1], Phone: s[2], Description: s[3]}, err
}

func callUTM(ctx context.Context, m int) (jsapi.UTM, error) {
	s, err := fields(ctx, m, utmKeys)
	return jsapi.UTM{Source: s[0], Campaign: s[1], Content: s[2], Medium: s[3], Term: s[4]}, err
}

// callInt reads a number, or a string of decimal digits (visitor numbers
// are sometimes strings) with an optional sign.
func callInt(ctx context.Context, m int) (int, error) {
	v, err := value(ctx, m, 1<<js.TypeNumber|1<<js.TypeString)
	if v.Type() != js.TypeString {
		if v.IsUndefined() {
			return 0, err
		}
		return v.Int(), nil
	}
	s, n, sign := v.String(), 0, 1
	digits := s
	if s != "" && (s[0] == '-' || s[0] == '+') {
		digits = s[1:]
		if s[0] == '-' {
			sign = -1
		}
	}
	for i := 0; i < len(digits) && i < 18 && '0' <= digits[i] && digits[i] <= '9'; i++ {
		n = n*10 + int(digits[i]-'0')
		if i == len(digits)-1 {
			return sign * n, nil
		}
	}
	return 0, &jsapi.WidgetError{Method: methodNames[m], Reason: "answered a string that is not a number"}
}

// decodeEvent decodes the arguments of a callback whose listeners are of
// fn's type, in JavaScript's turn: jivo_onCallEnd's {result, reason} as a
// CallResult, and jivo_onChangeState's state as a CallResult's Reason.
func decodeEvent(fn any, args []js.Value) (e jsapi.CallResult) {
	v := js.Undefined()
	if len(args) > 0 {
		v = args[0]
	}
	switch fn.(type) {
	case func(jsapi.ChatState):
		if v.Type() == js.TypeString {
			e.Reason = v.String()
		}
	case func(jsapi.CallResult):
		e.Reason = "no result"
		if v.Type() == js.TypeObject {
			e = jsapi.CallResult{OK: str(v, "result") == "ok", Reason: str(v, "reason")}
		}
	}
	return e
}
