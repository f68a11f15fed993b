package jsapi_test

import (
	"errors"
	"fmt"

	"github.com/jivokit/jivokit/jsapi"
)

func ExampleValidateCustomData() {
	fields := []jsapi.CustomField{
		{Title: "Plan", Content: "Pro", Link: "https://example.com/account/42"},
		{Title: "Order", Content: "#1017", Link: "/crm/orders/1017"},
	}
	err := jsapi.ValidateCustomData(fields)
	fmt.Println(err)
	// A relative link is jivokit's advice, not the vendor's rule: the
	// fields may be sent; strict mode refuses them.
	fmt.Println(jsapi.IsAdvice(err), jsapi.Refusal(err, false) == nil, jsapi.Refusal(err, true) != nil)

	fmt.Println(jsapi.ValidateCustomData(make([]jsapi.CustomField, 11)))
	// Output:
	// jivo: advice: fields[1].link: is not an absolute http or https URL
	// true true true
	// jivo: invalid fields: has 11 entries, at most 10 are allowed
}

func ExampleValidatePhone() {
	for _, phone := range []string{"+1 (408) 498-7855", "+1 (408) 498-7855 ext. 2"} {
		fmt.Printf("%q: %v\n", phone, jsapi.ValidatePhone(phone))
	}
	// Output:
	// "+1 (408) 498-7855": <nil>
	// "+1 (408) 498-7855 ext. 2": jivo: advice: phone: contains 'e'; only digits, a leading +, spaces, dots, dashes and parentheses are allowed
}

func ExampleWarning() {
	err := jsapi.OfflineMessage{Message: "Please call me back"}.Validate()
	var w *jsapi.Warning
	if errors.As(err, &w) {
		fmt.Println(w.Field, "-", w.Problem)
	}
	// Output: email - and phone are both empty; give one to answer to
}

func ExampleLinkHost() {
	fmt.Println(jsapi.LinkHost("https://agent:secret@CRM.example.com:8443/clients/7"))
	// Output: crm.example.com
}

func ExampleWidgetError() {
	// What a call to startCall answers when calls are off in the admin panel.
	var err error = &jsapi.WidgetError{Method: "startCall", Reason: "Callback disabled"}

	fmt.Println(err)
	fmt.Println(errors.Is(err, jsapi.ErrCallbackDisabled))
	var we *jsapi.WidgetError
	if errors.As(err, &we) {
		fmt.Println(we.Method)
	}
	// Output:
	// jivo: startCall: Callback disabled
	// true
	// startCall
}

func ExampleInputError() {
	err := jsapi.ClientAttributes{"12": true}.Validate()
	var ie *jsapi.InputError
	if errors.As(err, &ie) {
		fmt.Println(ie.Field, "-", ie.Problem)
	}
	// Output: attributes["12"] - is neither a string nor a number
}

func ExamplePageConfig_Validate() {
	cfg := jsapi.PageConfig{
		UserToken:   "v1.visitor-42",
		ContactInfo: &jsapi.ContactInfo{Name: "Ann", Email: "ann@example.com"},
		WidgetColor: &jsapi.WidgetColor{Color: "#1e88e5", Color2: "teal"},
	}
	fmt.Println(cfg.Validate())
	// Output: jivo: advice: color2: "teal" is not a hex colour like #1e88e5 or #fff
}

func ExampleMethods() {
	for _, m := range jsapi.Methods() {
		if m.Answer.Async() {
			fmt.Printf("%s answers through its last argument (%s)\n", m.Name, m.Answer)
		}
	}
	// Output:
	// getVisitorNumber answers through its last argument (errFirst)
	// isCallbackEnabled answers through its last argument (callback)
}

func ExampleCallbacks() {
	for _, c := range jsapi.Callbacks() {
		if len(c.Params) > 0 {
			fmt.Printf("%s(%s: %s)\n", c.Name, c.Params[0].Name, c.Params[0].TS)
		}
	}
	// Output:
	// jivo_onCallEnd(res: CallEndResult)
	// jivo_onChangeState(state: ChatState)
}

func ExampleChatState_Minimized() {
	for _, s := range []jsapi.ChatState{jsapi.StateChat, jsapi.StateChatMin, jsapi.StateLabel} {
		fmt.Println(s, s.Minimized())
	}
	// Output:
	// chat false
	// chat/min true
	// label true
}

func ExampleCallResult_Err() {
	// The argument of jivo_onCallEnd when the call failed.
	res := jsapi.CallResult{OK: false, Reason: "Callback unavailable"}
	fmt.Println(errors.Is(res.Err(), jsapi.ErrCallbackUnavailable))

	// jivo_onCallEnd called without a result: the call's outcome is unknown.
	res = jsapi.CallResult{Missing: true}
	fmt.Println(errors.Is(res.Err(), jsapi.ErrNoCallResult))
	// Output:
	// true
	// true
}
