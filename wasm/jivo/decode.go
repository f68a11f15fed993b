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
// answer undefined when want has 1<<js.TypeNull, and other types are a
// *jsapi.WidgetError.
func value(ctx context.Context, m int, want int) (js.Value, error) {
	v, err := call(ctx, m, nil)
	t := v.Type()
	switch {
	case err != nil:
		return js.Value{}, err
	case t <= js.TypeNull && want&(1<<js.TypeNull) != 0:
		return js.Value{}, nil // undefined
	case want>>t&1 == 0:
		return js.Value{}, widgetError(m, answered(t))
	}
	return v, nil
}

// orNull is the bit of value's want that lets null stand for nothing.
const orNull = 1 << js.TypeNull

// text reads a string or a number as a string; null, undefined and
// anything else read as "".
func text(v js.Value) string {
	switch v.Type() {
	case js.TypeString:
		return v.String()
	case js.TypeNumber:
		return strconv.FormatFloat(v.Float(), 'f', -1, 64)
	}
	return ""
}

func callChatMode(ctx context.Context, m int) (jsapi.ChatMode, error) {
	v, err := value(ctx, m, 1<<js.TypeString|orNull)
	if v.IsUndefined() {
		return "", err
	}
	return jsapi.ChatMode(v.String()), nil
}

// fields calls method m and reads the string fields keys of its object
// answer; null and undefined read as no fields.
func fields(ctx context.Context, m int, keys []string) (s [5]string, err error) {
	v, err := value(ctx, m, 1<<js.TypeObject|orNull)
	for i := 0; !v.IsUndefined() && i < len(keys); i++ {
		s[i] = text(v.Get(keys[i]))
	}
	return s, err
}

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

// maxInt is the largest whole number a JavaScript number holds exactly.
const maxInt = 1 << 53

// callInt reads a whole number within ±2^53: a number, or a string of
// decimal digits with an optional sign (visitor numbers are sometimes
// strings). NaN, infinities, fractions and larger numbers are a
// *jsapi.WidgetError, and so is null from getVisitorNumber, which must
// answer a number; getUnreadMessagesCount's null reads as 0.
func callInt(ctx context.Context, m int) (int, error) {
	want := 1<<js.TypeNumber | 1<<js.TypeString
	if m != methodGetVisitorNumber {
		want |= orNull
	}
	v, err := value(ctx, m, want)
	f := 0.5 // not a whole number: what a string that is not one reads as
	switch v.Type() {
	case js.TypeUndefined:
		return 0, err
	case js.TypeNumber:
		f = v.Float()
	default:
		s := v.String()
		digits := s
		if s != "" && (s[0] == '-' || s[0] == '+') {
			digits = s[1:]
		}
		n, ok := 0, digits != "" && len(digits) <= 16
		for i := 0; ok && i < len(digits); i++ {
			ok = '0' <= digits[i] && digits[i] <= '9'
			n = n*10 + int(digits[i]-'0')
		}
		if ok && n <= maxInt { // float64(n) is exact
			f = float64(n)
			if s[0] == '-' {
				f = -f
			}
		}
	}
	if -maxInt <= f && f <= maxInt && f == float64(int(f)) {
		return int(f), nil
	}
	return 0, widgetError(m, "answered a value that is not a whole number within ±2^53")
}

// decodeEvent decodes the arguments of a callback whose listeners are of
// fn's type, in JavaScript's turn: jivo_onCallEnd's {result, reason} as a
// CallResult (Missing when there is none), and jivo_onChangeState's state as a CallResult's Reason.
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
		// The reference makes the result optional: no argument, or an
		// object without result, is a missing result, not a failure.
		e.Missing = true
		if v.Type() == js.TypeObject {
			if r := v.Get("result"); r.Type() > js.TypeNull {
				e = jsapi.CallResult{OK: text(r) == "ok", Reason: text(v.Get("reason"))}
			}
		}
	}
	return e
}
