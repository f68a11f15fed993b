//go:build js && wasm

package jivo_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/jivokit/jivokit/jsapi"
	"github.com/jivokit/jivokit/wasm/internal/fakewidget"
	"github.com/jivokit/jivokit/wasm/jivo"
)

// TestMethods checks each method's arguments exactly as the widget receives
// them, and its decoded answer.
func TestMethods(t *testing.T) {
	tests := []struct {
		name   string
		call   func(context.Context) (any, error)
		want   []string // the widget's calls
		result any
	}{
		{"Open", func(ctx context.Context) (any, error) { return nil, jivo.Open(ctx, jsapi.OpenOptions{}) }, []string{"open []"}, nil},
		{"Open call form", func(ctx context.Context) (any, error) {
			return nil, jivo.Open(ctx, jsapi.OpenOptions{Start: jsapi.StartCall})
		}, []string{`open [{"start":"call"}]`}, nil},
		{"Close", func(ctx context.Context) (any, error) { return nil, jivo.Close(ctx) }, []string{"close []"}, nil},
		{"ChatMode", func(ctx context.Context) (any, error) { return jivo.ChatMode(ctx) }, []string{"chatMode []"}, jsapi.ModeOnline},
		{"GetContactInfo", func(ctx context.Context) (any, error) { return jivo.GetContactInfo(ctx) },
			[]string{"getContactInfo []"}, jsapi.ContactInfo{Name: "Ann", Email: "ann@example.com"}},
		{"GetVisitorNumber", func(ctx context.Context) (any, error) { return jivo.GetVisitorNumber(ctx) }, []string{"getVisitorNumber []"}, 42},
		{"SetContactInfo", func(ctx context.Context) (any, error) {
			return nil, jivo.SetContactInfo(ctx, jsapi.ContactInfo{Name: "Ann \"A\"", Phone: "+1 408 498 7855", Description: "line\nbreak"})
		}, []string{`setContactInfo [{"name":"Ann \"A\"","phone":"+1 408 498 7855","description":"line\nbreak"}]`}, nil},
		{"SetCustomData", func(ctx context.Context) (any, error) {
			return nil, jivo.SetCustomData(ctx, []jsapi.CustomField{
				{Title: "Plan", Content: "Pro"},
				{Content: "<b>html</b> ünïcode ☃", Link: "https://example.com/a?b=1"},
				{Key: "k", Content: "v"},
			})
		}, []string{`setCustomData [[{"content":"Pro","title":"Plan"},{"content":"<b>html</b> ünïcode ☃","link":"https://example.com/a?b=1"},{"content":"v","key":"k"}]]`}, nil},
		{"SetCustomData empty", func(ctx context.Context) (any, error) { return nil, jivo.SetCustomData(ctx, nil) },
			[]string{"setCustomData [[]]"}, nil},
		{"SetRules", func(ctx context.Context) (any, error) {
			return nil, jivo.SetRules(ctx, jsapi.Rules(` {"rules":[{"id":1,"enabled":true}]} `))
		}, []string{`setRules [{"rules":[{"id":1,"enabled":true}]}]`}, nil},
		{"SetUserToken", func(ctx context.Context) (any, error) { return nil, jivo.SetUserToken(ctx, "v1.abc") },
			[]string{`setUserToken ["v1.abc"]`}, nil},
		{"ShowProactiveInvitation", func(ctx context.Context) (any, error) {
			return nil, jivo.ShowProactiveInvitation(ctx, jsapi.Invitation{Text: "How can I help you?"})
		}, []string{`showProactiveInvitation ["How can I help you?"]`}, nil},
		{"ShowProactiveInvitation department", func(ctx context.Context) (any, error) {
			return nil, jivo.ShowProactiveInvitation(ctx, jsapi.Invitation{Text: "Hi", DepartmentID: 3})
		}, []string{`showProactiveInvitation ["Hi",3]`}, nil},
		{"StartCall", func(ctx context.Context) (any, error) { return nil, jivo.StartCall(ctx, "+14084987855") },
			[]string{`startCall ["+14084987855"]`}, nil},
		{"IsCallbackEnabled", func(ctx context.Context) (any, error) { return nil, jivo.IsCallbackEnabled(ctx) },
			[]string{"isCallbackEnabled []"}, nil},
		{"SendOfflineMessage", func(ctx context.Context) (any, error) {
			return nil, jivo.SendOfflineMessage(ctx, jsapi.OfflineMessage{Name: "Ann", Email: "ann@example.com", Message: "Call me"})
		}, []string{`sendOfflineMessage [{"name":"Ann","email":"ann@example.com","message":"Call me"}]`}, nil},
		{"SetWidgetColor", func(ctx context.Context) (any, error) {
			return nil, jivo.SetWidgetColor(ctx, jsapi.WidgetColor{Color: "#1e88e5"})
		}, []string{`setWidgetColor ["#1e88e5"]`}, nil},
		{"SetWidgetColor gradient", func(ctx context.Context) (any, error) {
			return nil, jivo.SetWidgetColor(ctx, jsapi.WidgetColor{Color: "#1e88e5", Color2: "#fff"})
		}, []string{`setWidgetColor ["#1e88e5","#fff"]`}, nil},
		{"SendPageTitle", func(ctx context.Context) (any, error) {
			return nil, jivo.SendPageTitle(ctx, jsapi.PageTitle{Title: "Cart"})
		}, []string{`sendPageTitle ["Cart",true]`}, nil},
		{"SendPageTitle url", func(ctx context.Context) (any, error) {
			return nil, jivo.SendPageTitle(ctx, jsapi.PageTitle{Title: "Cart", URL: "https://example.com/cart"})
		}, []string{`sendPageTitle ["Cart",true,"https://example.com/cart"]`}, nil},
		{"SetClientAttributes", func(ctx context.Context) (any, error) {
			// Attribute ids are numbers, which JavaScript lists in order.
			return nil, jivo.SetClientAttributes(ctx, jsapi.ClientAttributes{"12": "pro", "13": 12, "14": 4.5, "15": uint64(1) << 40, "2": int8(-3)})
		}, []string{`setClientAttributes [{"2":-3,"12":"pro","13":12,"14":4.5,"15":1099511627776}]`}, nil},
		{"GetUnreadMessagesCount", func(ctx context.Context) (any, error) { return jivo.GetUnreadMessagesCount(ctx) },
			[]string{"getUnreadMessagesCount []"}, 3},
		{"GetUTM", func(ctx context.Context) (any, error) { return jivo.GetUTM(ctx) },
			[]string{"getUtm []"}, jsapi.UTM{Source: "google", Campaign: "spring", Medium: "cpc"}},
		{"ClearHistory", func(ctx context.Context) (any, error) { return nil, jivo.ClearHistory(ctx) }, []string{"clearHistory []"}, nil},
	}
	seen := map[string]bool{}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			calls()
			got, err := tt.call(testContext(t))
			if err != nil {
				t.Fatalf("error: %v", err)
			}
			if got != tt.result {
				t.Errorf("answer = %#v, want %#v", got, tt.result)
			}
			if c := calls(); !slices.Equal(c, tt.want) {
				t.Errorf("the widget received\n  %q\nwant\n  %q", c, tt.want)
			}
		})
		name, _, _ := strings.Cut(tt.want[0], " ")
		seen[name] = true
	}
	// Init and Destroy are covered by the queueing tests; every other
	// method of the spec must be in the table above.
	for _, m := range jsapi.Methods() {
		if !m.Global && !seen[m.Name] {
			t.Errorf("method %s has no case in TestMethods", m.Name)
		}
	}
}

func TestGetContactInfoNameSpellings(t *testing.T) {
	tests := []struct {
		name, answer string
		want         jsapi.ContactInfo
	}{
		{"client_name", `() => ({client_name: 'Ann', email: null, phone: '+1555000', description: null})`, jsapi.ContactInfo{Name: "Ann", Phone: "+1555000"}},
		{"name", `() => ({name: 'Bob', email: 'b@example.com'})`, jsapi.ContactInfo{Name: "Bob", Email: "b@example.com"}},
		{"all null", `() => ({client_name: null, email: null, phone: null, description: null})`, jsapi.ContactInfo{}},
		{"nothing", `() => undefined`, jsapi.ContactInfo{}},
	}
	defer fakewidget.Answer("getContactInfo", "")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fakewidget.Answer("getContactInfo", tt.answer)
			got, err := jivo.GetContactInfo(testContext(t))
			if err != nil || got != tt.want {
				t.Errorf("GetContactInfo = %+v, %v; want %+v", got, err, tt.want)
			}
		})
	}
	calls()
}

// TestNumberAnswers checks that a whole number within ±2^53, given as a
// number or as a string of digits (as some widgets give visitor numbers),
// reads as that number, and that other answers, null among them, are a
// *jsapi.WidgetError.
func TestNumberAnswers(t *testing.T) {
	tests := []struct {
		answer string
		want   int
		fails  bool
	}{
		{`"17"`, 17, false},
		{`"+5"`, 5, false},
		{`"-3"`, -3, false},
		{`12`, 12, false},
		{`-0`, 0, false},
		{`9007199254740992`, 1 << 53, false},
		{`-9007199254740992`, -1 << 53, false},
		{`"9007199254740992"`, 1 << 53, false},
		{`12.7`, 0, true},
		{`2.5`, 0, true},
		{`NaN`, 0, true},
		{`Infinity`, 0, true},
		{`-Infinity`, 0, true},
		{`1e300`, 0, true},
		{`9007199254740994`, 0, true},
		{`"9007199254740993"`, 0, true},
		{`"99999999999999999999"`, 0, true},
		{`null`, 0, true},
		{`undefined`, 0, true},
		{`"4x"`, 0, true},
		{`" 12"`, 0, true},
		{`""`, 0, true},
		{`"-"`, 0, true},
		{`true`, 0, true},
		{`{}`, 0, true},
	}
	defer fakewidget.Answer("getVisitorNumber", "")
	for _, tt := range tests {
		t.Run(tt.answer, func(t *testing.T) {
			fakewidget.Answer("getVisitorNumber", "(cb) => cb(null, "+tt.answer+")")
			n, err := jivo.GetVisitorNumber(testContext(t))
			var we *jsapi.WidgetError
			if tt.fails != errors.As(err, &we) || n != tt.want {
				t.Errorf("GetVisitorNumber = %d, %v; want %d (fails: %v)", n, err, tt.want, tt.fails)
			}
		})
	}
	calls()
}

// TestUnreadCountNull: getUnreadMessagesCount's null (no count) reads as
// 0, unlike getVisitorNumber's; a fraction is still a *jsapi.WidgetError.
func TestUnreadCountNull(t *testing.T) {
	defer fakewidget.Answer("getUnreadMessagesCount", "")
	fakewidget.Answer("getUnreadMessagesCount", "() => null")
	if n, err := jivo.GetUnreadMessagesCount(testContext(t)); n != 0 || err != nil {
		t.Errorf("GetUnreadMessagesCount answering null = %d, %v; want 0, nil", n, err)
	}
	fakewidget.Answer("getUnreadMessagesCount", "() => 0.5")
	var we *jsapi.WidgetError
	if _, err := jivo.GetUnreadMessagesCount(testContext(t)); !errors.As(err, &we) {
		t.Errorf("GetUnreadMessagesCount answering 0.5: %v, want a *jsapi.WidgetError", err)
	}
	calls()
}
