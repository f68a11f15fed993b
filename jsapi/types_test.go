package jsapi

import (
	"encoding/json"
	"testing"
)

func TestChatState(t *testing.T) {
	for _, tc := range []struct {
		s                          ChatState
		known, minimized, callForm bool
	}{
		{StateChat, true, false, false},
		{StateCall, true, false, true},
		{StateChatCall, true, false, true},
		{StateLabel, true, true, false},
		{StateChatMin, true, true, false},
		{"chat/max", false, false, false},
		{"", false, false, false},
	} {
		t.Run(string(tc.s), func(t *testing.T) {
			if tc.s.Known() != tc.known || tc.s.Minimized() != tc.minimized || tc.s.CallForm() != tc.callForm {
				t.Errorf("Known %v Minimized %v CallForm %v; want %v %v %v", tc.s.Known(), tc.s.Minimized(), tc.s.CallForm(), tc.known, tc.minimized, tc.callForm)
			}
		})
	}
}

func TestChatStateMatchesShape(t *testing.T) {
	for _, s := range Shapes() {
		if s.Name != "ChatState" {
			continue
		}
		for _, v := range s.Enum {
			if !ChatState(v).Known() {
				t.Errorf("the spec's state %q is not Known()", v)
			}
		}
		return
	}
	t.Fatal("no ChatState shape")
}

func TestContactInfoIsZero(t *testing.T) {
	if !(ContactInfo{}).IsZero() || (ContactInfo{Phone: "1"}).IsZero() {
		t.Error("IsZero is wrong")
	}
}

// TestJSONSpelling checks the wire names the widget and the page runtime
// expect, for the types that cross to the page.
func TestJSONSpelling(t *testing.T) {
	for _, tc := range []struct {
		name string
		v    any
		want string
	}{
		{"contact info", ContactInfo{Name: "Ann", Email: "a@b.co"}, `{"name":"Ann","email":"a@b.co"}`},
		{"custom field", CustomField{Content: "Pro", Title: "Plan", Link: "https://x.example", Key: "k"}, `{"content":"Pro","title":"Plan","link":"https://x.example","key":"k"}`},
		{"open options", OpenOptions{Start: StartCall}, `{"start":"call"}`},
		{"open default", OpenOptions{}, `{}`},
		{"offline message", OfflineMessage{Phone: "12345", Message: "hi"}, `{"phone":"12345","message":"hi"}`},
		{"utm", UTM{Source: "news", Term: "chat"}, `{"source":"news","term":"chat"}`},
		{"invitation", Invitation{Text: "Hi", DepartmentID: 3}, `{"text":"Hi","department_id":3}`},
		{"widget colour", WidgetColor{Color: "#fff"}, `{"color":"#fff"}`},
		{"page config", PageConfig{UserToken: "t", QueueLimit: 5, Invitation: &Invitation{Text: "Hi"}}, `{"user_token":"t","invitation":{"text":"Hi"},"queue_limit":5}`},
		{"empty page config", PageConfig{}, `{}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := json.Marshal(tc.v)
			if err != nil {
				t.Fatal(err)
			}
			if string(b) != tc.want {
				t.Errorf("got  %s\nwant %s", b, tc.want)
			}
		})
	}
}
