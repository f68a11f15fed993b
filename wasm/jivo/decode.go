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

func decodeChatMode(m int, v js.Value, err error) (jsapi.ChatMode, error) {
	if err != nil {
		return "", err
	}
	switch v.Type() {
	case js.TypeString:
		return jsapi.ChatMode(v.String()), nil
	case js.TypeNull, js.TypeUndefined:
		return "", nil
	}
	return "", unexpected(m, v, "a string")
}

// decodeContactInfo reads getContactInfo's answer: the name is client_name
// (or name), and null stands for an empty field.
func decodeContactInfo(m int, v js.Value, err error) (jsapi.ContactInfo, error) {
	if err != nil {
		return jsapi.ContactInfo{}, err
	}
	switch v.Type() {
	case js.TypeObject:
	case js.TypeNull, js.TypeUndefined:
		return jsapi.ContactInfo{}, nil
	default:
		return jsapi.ContactInfo{}, unexpected(m, v, "an object")
	}
	info := jsapi.ContactInfo{
		Name:        str(v, "client_name"),
		Email:       str(v, "email"),
		Phone:       str(v, "phone"),
		Description: str(v, "description"),
	}
	if info.Name == "" {
		info.Name = str(v, "name")
	}
	return info, nil
}

// decodeInt reads a number, or a string of digits (visitor numbers are
// sometimes strings).
func decodeInt(m int, v js.Value, err error) (int, error) {
	if err != nil {
		return 0, err
	}
	switch v.Type() {
	case js.TypeNumber:
		return v.Int(), nil
	case js.TypeString:
		if n, err := strconv.Atoi(v.String()); err == nil {
			return n, nil
		}
	case js.TypeNull, js.TypeUndefined:
		return 0, nil
	}
	return 0, unexpected(m, v, "a number")
}

func decodeUTM(m int, v js.Value, err error) (jsapi.UTM, error) {
	if err != nil {
		return jsapi.UTM{}, err
	}
	switch v.Type() {
	case js.TypeObject:
	case js.TypeNull, js.TypeUndefined:
		return jsapi.UTM{}, nil
	default:
		return jsapi.UTM{}, unexpected(m, v, "an object")
	}
	return jsapi.UTM{
		Source:   str(v, "source"),
		Campaign: str(v, "campaign"),
		Content:  str(v, "content"),
		Medium:   str(v, "medium"),
		Term:     str(v, "term"),
	}, nil
}

// argument returns a callback's i-th argument, or undefined.
func argument(args []js.Value, i int) js.Value {
	if i < len(args) {
		return args[i]
	}
	return js.Undefined()
}

func argChatState(args []js.Value, i int) jsapi.ChatState {
	if v := argument(args, i); v.Type() == js.TypeString {
		return jsapi.ChatState(v.String())
	}
	return ""
}

// argCallResult reads jivo_onCallEnd's {result, reason}.
func argCallResult(args []js.Value, i int) jsapi.CallResult {
	v := argument(args, i)
	if v.Type() != js.TypeObject {
		return jsapi.CallResult{Reason: "no result"}
	}
	return jsapi.CallResult{OK: str(v, "result") == "ok", Reason: str(v, "reason")}
}
