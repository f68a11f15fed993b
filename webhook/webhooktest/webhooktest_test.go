package webhooktest_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/jivokit/jivokit/jsapi"
	"github.com/jivokit/jivokit/usertoken/usertokentest"
	"github.com/jivokit/jivokit/webhook"
	"github.com/jivokit/jivokit/webhook/samples"
	"github.com/jivokit/jivokit/webhook/webhooktest"
)

func TestEventEveryType(t *testing.T) {
	check := func(ev webhook.Event, name webhook.Name) {
		t.Helper()
		if ev.Name() != name || ev.Header().EventName == "" || len(ev.Header().Raw) == 0 {
			t.Errorf("Event for %s: %#v", name, ev)
		}
	}
	check(webhooktest.Event[*webhook.CallEvent](t), webhook.NameCallEvent)
	check(webhooktest.Event[*webhook.ChatAccepted](t), webhook.NameChatAccepted)
	check(webhooktest.Event[*webhook.ChatAssigned](t), webhook.NameChatAssigned)
	check(webhooktest.Event[*webhook.ChatFinished](t), webhook.NameChatFinished)
	check(webhooktest.Event[*webhook.ChatUpdated](t), webhook.NameChatUpdated)
	check(webhooktest.Event[*webhook.OfflineMessage](t), webhook.NameOfflineMessage)
	check(webhooktest.Event[*webhook.ClientUpdated](t), webhook.NameClientUpdated)
	check(webhooktest.Event[*webhook.ClientAttributeUpdated](t), webhook.NameClientAttributeUpdated)
	check(webhooktest.Event[*webhook.CRMPipelineEvent](t), "created_pipeline")
	check(webhooktest.Event[*webhook.CRMStatusEvent](t), "created_status")
	check(webhooktest.Event[*webhook.CRMClientTagEvent](t), "created_client_tag")
	check(webhooktest.Event[*webhook.CRMDealEvent](t), "created_deal")
	check(webhooktest.Event[*webhook.CRMTaskEvent](t), "created_task")
	check(webhooktest.Event[*webhook.CRMOrganizationEvent](t), "created_organization")
	check(webhooktest.Event[*webhook.CRMClientEvent](t), "created_client")
	check(webhooktest.EventNamed[*webhook.CRMTaskEvent](t, "fired_task"), "fired_task")
}

func TestBody(t *testing.T) {
	tests := []struct {
		name    string
		payload any
		want    string
	}{
		{"bytes", []byte(`{"a":1}`), `{"a":1}`},
		{"string", `{"a":1}`, `{"a":1}`},
		{"raw", json.RawMessage(`{"a":1}`), `{"a":1}`},
		{"map", map[string]int{"a": 1}, `{"a":1}`},
		{"event without a name", &webhook.OfflineMessage{Message: "hi"}, `{"event_name":"offline_message","message":"hi"}`},
		{"event", &webhook.ChatFinished{Base: webhook.Base{EventName: "chat_finished", ChatID: "7"}}, `{"event_name":"chat_finished","chat_id":"7"}`},
	}
	for _, tt := range tests {
		got, err := webhooktest.Body(tt.payload)
		if err != nil || string(got) != tt.want {
			t.Errorf("%s: %s, %v; want %s", tt.name, got, err, tt.want)
		}
	}
}

func TestSet(t *testing.T) {
	base := []byte(`{"chat_id":1,"visitor":{"name":"John"},"agents":[{"id":"1"}],"big":12345678901234567890}`)
	tests := []struct {
		path  string
		value any
		want  string
		err   string
	}{
		{"visitor.name", "Ann", `{"agents":[{"id":"1"}],"big":12345678901234567890,"chat_id":1,"visitor":{"name":"Ann"}}`, ""},
		{"chat_id", json.RawMessage(`7`), `{"agents":[{"id":"1"}],"big":12345678901234567890,"chat_id":7,"visitor":{"name":"John"}}`, ""},
		{"agents.0.id", 2224, `{"agents":[{"id":2224}],"big":12345678901234567890,"chat_id":1,"visitor":{"name":"John"}}`, ""},
		{"session.geoip.city", "Paris", `{"agents":[{"id":"1"}],"big":12345678901234567890,"chat_id":1,"session":{"geoip":{"city":"Paris"}},"visitor":{"name":"John"}}`, ""},
		{"agents.3.id", 1, "", "not an index"},
		{"chat_id.x", 1, "", "not an object"},
		{"visitor..name", 1, "", "empty path element"},
		{"", 1, "", "empty path"},
		{"chat_id", json.RawMessage(`{`), "", "not JSON"},
	}
	for _, tt := range tests {
		got, err := webhooktest.Set(base, tt.path, tt.value)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("Set(%q): %v, want an error with %q", tt.path, err, tt.err)
			}
			continue
		}
		if err != nil || string(got) != tt.want {
			t.Errorf("Set(%q) = %s, %v\nwant %s", tt.path, got, err, tt.want)
		}
	}
	if _, err := webhooktest.Set([]byte(`nope`), "a", 1); err == nil {
		t.Error("Set on a payload that is not JSON succeeded")
	}
}

func TestDoFailsOnNonJSONReply(t *testing.T) {
	ft := &fakeTB{TB: t}
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok")) })
	webhooktest.Post(ft, h, `{}`)
	if !ft.failed {
		t.Fatal("a reply that is not JSON did not fail the test")
	}
}

type fakeTB struct {
	testing.TB
	failed bool
}

func (f *fakeTB) Helper()               {}
func (f *fakeTB) Errorf(string, ...any) { f.failed = true }
func (f *fakeTB) Fatalf(string, ...any) { f.failed = true }

func ExamplePost() {
	t := &testing.T{} // in a test, the test's *testing.T
	signer := usertokentest.Signer(t)
	h, _ := webhook.New(webhook.Funcs{
		ChatAccepted: func(_ context.Context, e *webhook.ChatAccepted) (*webhook.AgentView, error) {
			return &webhook.AgentView{CustomData: []jsapi.CustomField{{Title: "Customer", Content: e.Identity.VisitorID}}}, nil
		},
	}, webhook.WithSigner(signer))

	ev := webhooktest.Event[*webhook.ChatAccepted](t)
	ev.UserToken = usertokentest.Mint(t, signer, "customer-42")
	reply := webhooktest.Post(t, h, ev)
	fmt.Println(reply.Status, reply.OK(), reply.CustomData[0].Content)
	// Output: 200 true customer-42
}

func ExampleEvent() {
	t := &testing.T{}
	ev := webhooktest.Event[*webhook.ChatFinished](t)
	fmt.Println(ev.ChatID, len(ev.Chat.Messages), ev.Agents[0].Name)
	// Output: 7676 1 Thomas Anderson
}

func ExamplePayload() {
	t := &testing.T{}
	body := webhooktest.Payload(t, webhook.NameOfflineMessage)
	fmt.Println(strings.Contains(string(body), `"offline_message_id": "3999"`))
	// Output: true
}

func ExampleSet() {
	body, _ := samples.Payload(webhook.NameChatAccepted)
	body, err := webhooktest.Set(body, "visitor.name", "Ann")
	if err != nil {
		fmt.Println(err)
		return
	}
	ev, _ := webhook.Decode(body)
	fmt.Println(ev.Header().Visitor.Name)
	// Output: Ann
}

func ExampleDo() {
	t := &testing.T{}
	h, _ := webhook.New(webhook.Funcs{}, webhook.WithPath("/jivo/webhook/secret"))
	r := webhooktest.NewRequest(t, "/jivo/webhook/secret", webhooktest.Payload(t, webhook.NameCallEvent))
	reply := webhooktest.Do(t, h, r)
	fmt.Println(reply.Status, string(reply.Body))
	// Output: 200 {"result":"ok"}
}

func ExampleBody() {
	body, _ := webhooktest.Body(&webhook.OfflineMessage{Message: "Call me back"})
	fmt.Println(string(body))
	// Output: {"event_name":"offline_message","message":"Call me back"}
}
