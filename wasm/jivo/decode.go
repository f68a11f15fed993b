//go:build js && wasm

package jivo

import (
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

func decodeChatMode(m int, v js.Value, err error) (jsapi.ChatMode, error) {
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

// decodeContactInfo reads getContactInfo's answer: the name is client_name
// (or name), and null stands for an empty field.
func decodeContactInfo(m int, v js.Value, err error) (jsapi.ContactInfo, error) {
	var s [5]string
	err = fields(m, v, err, contactInfoKeys, s[:])
	if s[0] == "" {
		s[0] = s[4]
	}
	return jsapi.ContactInfo{Name: s[0], Email: s[1], Phone: s[2], Description: s[3]}, err
}

func decodeUTM(m int, v js.Value, err error) (jsapi.UTM, error) {
	var s [5]string
	err = fields(m, v, err, utmKeys, s[:])
	return jsapi.UTM{Source: s[0], Campaign: s[1], Content: s[2], Medium: s[3], Term: s[4]}, err
}

// decodeInt reads a number, or a string of digits (visitor numbers are
// sometimes strings).
func decodeInt(m int, v js.Value, err error) (int, error) {
	if err != nil || nothing(v) {
		return 0, err
	}
	switch v.Type() {
	case js.TypeNumber:
		return v.Int(), nil
	case js.TypeString:
		if n, ok := atoi(v.String()); ok {
			return n, nil
		}
	}
	return 0, unexpected(m, v, "a number")
}

// atoi parses an optionally signed decimal integer of up to 18 digits.
func atoi(s string) (int, bool) {
	neg := s != "" && s[0] == '-'
	if s != "" && (neg || s[0] == '+') {
		s = s[1:]
	}
	if s == "" || len(s) > 18 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	if neg {
		n = -n
	}
	return n, true
}

// event is a callback's decoded argument: jivo_onChangeState's state, or
// jivo_onCallEnd's {result, reason}.
type event struct {
	s  string // the state, or the reason
	ok bool   // the call ended successfully
}

// decodeEvent decodes the arguments of a callback whose listeners are of
// fn's type, in JavaScript's turn.
func decodeEvent(fn any, args []js.Value) (e event) {
	v := js.Undefined()
	if len(args) > 0 {
		v = args[0]
	}
	switch fn.(type) {
	case func(jsapi.ChatState):
		if v.Type() == js.TypeString {
			e.s = v.String()
		}
	case func(jsapi.CallResult):
		e.s = "no result"
		if v.Type() == js.TypeObject {
			e = event{str(v, "reason"), str(v, "result") == "ok"}
		}
	}
	return e
}
