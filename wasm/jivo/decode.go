//go:build js && wasm

package jivo

import (
	"context"
	"errors"
	"strconv"
	"syscall/js"

	"github.com/jivokit/jivokit/jsapi"
)

// unexpected is the error for an answer of the wrong type.
func unexpected(m int, v js.Value, want string) error {
	return errors.New("jivo: " + methodNames[m] + " answered " + v.Type().String() + ", want " + want)
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

// nothing reports whether v is null or undefined.
func nothing(v js.Value) bool { return v.IsNull() || v.IsUndefined() }

func callChatMode(ctx context.Context, m int) (jsapi.ChatMode, error) {
	v, err := call(ctx, m, nil)
	if err != nil || nothing(v) {
		return "", err
	}
	if v.Type() != js.TypeString {
		return "", unexpected(m, v, "a string")
	}
	return jsapi.ChatMode(v.String()), nil
}

// fields reads the string fields keys of the object answer v into dst;
// null and undefined read as no fields.
func fields(m int, v js.Value, err error, keys []string, dst []string) error {
	if err != nil || nothing(v) {
		return err
	}
	if v.Type() != js.TypeObject {
		return unexpected(m, v, "an object")
	}
	for i, k := range keys {
		dst[i] = str(v, k)
	}
	return nil
}

var (
	contactInfoKeys = []string{"client_name", "email", "phone", "description", "name"}
	utmKeys         = []string{"source", "campaign", "content", "medium", "term"}
)

// callContactInfo reads getContactInfo's answer: the name is client_name
// (or name), and null stands for an empty field.
func callContactInfo(ctx context.Context, m int) (jsapi.ContactInfo, error) {
	v, err := call(ctx, m, nil)
	var s [5]string
	err = fields(m, v, err, contactInfoKeys, s[:])
	if s[0] == "" {
		s[0] = s[4]
	}
	return jsapi.ContactInfo{Name: s[0], Email: s[1], Phone: s[2], Description: s[3]}, err
}

func callUTM(ctx context.Context, m int) (jsapi.UTM, error) {
	v, err := call(ctx, m, nil)
	var s [5]string
	err = fields(m, v, err, utmKeys, s[:])
	return jsapi.UTM{Source: s[0], Campaign: s[1], Content: s[2], Medium: s[3], Term: s[4]}, err
}

// callInt reads a number, or a string of digits (visitor numbers are
// sometimes strings).
func callInt(ctx context.Context, m int) (int, error) {
	v, err := call(ctx, m, nil)
	if err != nil || nothing(v) {
		return 0, err
	}
	switch v.Type() {
	case js.TypeNumber:
		return v.Int(), nil
	case js.TypeString:
		// An optionally signed decimal of up to 18 digits.
		s, n := v.String(), 0
		digits := s
		if s != "" && (s[0] == '-' || s[0] == '+') {
			digits = s[1:]
		}
		ok := digits != "" && len(digits) <= 18
		for i := 0; ok && i < len(digits); i++ {
			ok = '0' <= digits[i] && digits[i] <= '9'
			n = n*10 + int(digits[i]-'0')
		}
		if ok && s[0] == '-' {
			n = -n
		}
		if ok {
			return n, nil
		}
	}
	return 0, unexpected(m, v, "a number")
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
