package webhook_test

import (
	"encoding/json"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/jivokit/jivokit/jsapi"
	"github.com/jivokit/jivokit/webhook"
)

// The values the reference's examples share.
var (
	refVisitor = webhook.Visitor{
		Name: "John Smith", Email: "email@example.com", Phone: "+14084987855", Number: "2846",
		Description: "Description text", Social: json.RawMessage("{}"), ChatsCount: 9,
	}
	refAgent      = webhook.Agent{ID: "2224", Name: "Thomas Anderson", Email: "agent@jivosite.com", Phone: "+14083682346"}
	refDepartment = &webhook.Department{ID: "161", Name: "Sales"}
	refSession    = webhook.Session{
		GeoIP: webhook.GeoIP{
			RegionCode: "CA", Country: "United States", CountryCode: "US", Region: "California",
			City: "San Francisco", Latitude: "37.7898", Longitude: "-122.3942", Organization: "Wikimedia Foundation",
		},
		UTM:       "source=google|medium=cpc|content=banner|campaign=campaign_name",
		UTMJSON:   jsapi.UTM{Source: "google", Campaign: "campaign_name", Content: "banner", Medium: "cpc", Term: "..."},
		IPAddr:    "208.80.152.201",
		UserAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_11_6) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/54.0.2840.71 Safari/537.36",
	}
	refPage = webhook.Page{URL: "http://example.com/", Title: "Page title"}
)

func refBase(name, chatID string) webhook.Base {
	return webhook.Base{
		EventName: name, ChatID: webhook.ID(chatID), WidgetID: "3677", Visitor: refVisitor,
		Session: refSession, Page: refPage, Analytics: json.RawMessage("{}"),
	}
}

func TestDecodeFixtures(t *testing.T) {
	finished := refBase("chat_finished", "7676")
	finished.Analytics = nil // the reference's chat_finished example has none
	offline := refBase("offline_message", "")

	tests := []struct {
		file string
		want webhook.Event
	}{
		{"call_event", &webhook.CallEvent{
			Base: refBase("call_event", "2302"), Agent: refAgent, Department: refDepartment,
			Call: webhook.Call{Type: webhook.CallCallback, Phone: "+14084987855", Status: webhook.CallEnd, RecordURL: "http://example.com/record.mp3"},
		}},
		{"chat_accepted", &webhook.ChatAccepted{Base: refBase("chat_accepted", "3537"), Agent: refAgent, Department: refDepartment}},
		{"chat_assigned", &webhook.ChatAssigned{Base: refBase("chat_assigned", "9998"), Agent: refAgent, Department: refDepartment, AssignTo: "..."}},
		{"chat_finished", &webhook.ChatFinished{
			Base: finished, Agents: []webhook.Agent{refAgent}, Department: refDepartment,
			Chat: webhook.Chat{Messages: []webhook.Message{{Timestamp: 1431955090, Type: "agent", AgentID: "6149"}}},
		}},
		{"chat_updated", &webhook.ChatUpdated{Base: refBase("chat_updated", "4043"), Agent: refAgent, Department: refDepartment}},
		{"offline_message", &webhook.OfflineMessage{Base: offline, OfflineMessageID: "3999", Message: "Message text"}},
		{"client_updated", &webhook.ClientUpdated{Base: webhook.Base{
			EventName: "client_updated", WidgetID: "3677", ClientID: "16528", UserToken: "customer-42",
			Visitor: webhook.Visitor{
				Name: "John Smith", Email: "email@example.com", Phone: "+14084987855", Number: "1217",
				Description: "Description text", ChatsCount: 9,
			},
			Organization:  &webhook.Organization{ID: "77", Name: "Example Inc."},
			Status:        &webhook.Status{ID: "3", Title: "Lead"},
			AssignedAgent: &webhook.Agent{ID: "2224", Name: "Thomas Anderson", Email: "agent@jivosite.com", Phone: "+14083682346"},
			Tags:          []webhook.Tag{{ID: "5", Title: "VIP"}, {Title: "wholesale"}},
		}}},
		{"client_attribute_updated", &webhook.ClientAttributeUpdated{
			Base: webhook.Base{
				EventName: "client_attribute_updated", WidgetID: "3677", ClientID: "16528", UserToken: "customer-42",
				Visitor: webhook.Visitor{Name: "John Smith", Number: "1217"},
			},
			Attributes: json.RawMessage(`{
"plan": "gold",
"orders": 3
}`),
		}},
		{"chat_finished_newer", &webhook.ChatFinished{
			Base: webhook.Base{
				EventName: "chat_finished", ChatID: "7677", WidgetID: "3677", UserToken: "customer-42", ClientID: "16528",
				Visitor: webhook.Visitor{Name: "John Smith", Number: "2846", ChatsCount: 10},
				Topic:   &webhook.Topic{TopicID: "12", Title: "Delivery"},
				Tags:    []webhook.Tag{{ID: "5", Title: "VIP"}},
				Session: webhook.Session{GeoIP: webhook.GeoIP{CountryCode: "US", Latitude: "37.7898", Longitude: "-122.3942"}},
				Page:    webhook.Page{URL: "http://example.com/orders", Title: "Orders"},
			},
			Agents: []webhook.Agent{{ID: "2224", Name: "Thomas Anderson"}},
			Chat: webhook.Chat{
				Messages: []webhook.Message{
					{Message: "Hello, where is my order?", Timestamp: 1431955080, Type: "visitor"},
					{Message: "It ships today.", Timestamp: 1431955090, Type: "agent", AgentID: "2224"},
				},
				Rate: "positive", Invitation: "Can we help you?",
			},
			PlainMessages: "John Smith (12:38:00): Hello, where is my order?\nThomas Anderson (12:38:10): It ships today.\n",
			HTMLMessages:  "<p><b>John Smith</b> (12:38:00): Hello, where is my order?</p><p><b>Thomas Anderson</b> (12:38:10): It ships today.</p>",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			body, err := os.ReadFile(fixture(tt.file))
			if err != nil {
				t.Fatal(err)
			}
			got, err := webhook.Decode(body)
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if string(got.Header().Raw) != string(body) {
				t.Fatal("Raw is not the body")
			}
			got.Header().Raw = nil
			if !reflect.DeepEqual(got, tt.want) {
				g, _ := json.MarshalIndent(got, "", " ")
				w, _ := json.MarshalIndent(tt.want, "", " ")
				t.Fatalf("decoded\n%s\nwant\n%s", g, w)
			}
		})
	}
}

func TestDecodeTolerates(t *testing.T) {
	tests := []struct {
		name string
		body string
		want webhook.Event
	}{
		{"offline_messages", `{"event_name":"offline_messages","offline_message_id":3999,"message":"hi"}`,
			&webhook.OfflineMessage{Base: webhook.Base{EventName: "offline_messages"}, OfflineMessageID: "3999", Message: "hi"}},
		{"numbers and strings", `{"event_name":"chat_accepted","chat_id":"12","widget_id":3677,"visitor":{"number":2846},"agent":{"id":2224}}`,
			&webhook.ChatAccepted{Base: webhook.Base{EventName: "chat_accepted", ChatID: "12", WidgetID: "3677", Visitor: webhook.Visitor{Number: "2846"}}, Agent: webhook.Agent{ID: "2224"}}},
		{"nulls", `{"event_name":"chat_accepted","chat_id":null,"visitor":null,"agent":{"id":null},"department":null}`,
			&webhook.ChatAccepted{Base: webhook.Base{EventName: "chat_accepted"}}},
		{"escaped id", `{"event_name":"chat_updated","chat_id":"4\u00304"}`,
			&webhook.ChatUpdated{Base: webhook.Base{EventName: "chat_updated", ChatID: "404"}}},
		{"only the name", `{"event_name":"call_event"}`, &webhook.CallEvent{Base: webhook.Base{EventName: "call_event"}}},
		{"unknown fields", `{"event_name":"chat_updated","brand_new":{"x":[1]},"visitor":{"name":"Ann","pronouns":"she"}}`,
			&webhook.ChatUpdated{Base: webhook.Base{EventName: "chat_updated", Visitor: webhook.Visitor{Name: "Ann"}}}},
		{"unknown event", `{"event_name":"chat_transferred","chat_id":5,"agent":"not an object"}`,
			&webhook.Unknown{Base: webhook.Base{EventName: "chat_transferred", ChatID: "5"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := webhook.Decode([]byte(tt.body))
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			got.Header().Raw = nil
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("got %#v\nwant %#v", got, tt.want)
			}
		})
	}
}

func TestDecodeRejects(t *testing.T) {
	tests := []struct {
		name, body string
		want       error
		mention    string
	}{
		{"empty", ``, webhook.ErrMalformed, "unexpected EOF"},
		{"not JSON", `event_name=chat_accepted`, webhook.ErrMalformed, "invalid character"},
		{"truncated", `{"event_name":"chat_accepted"`, webhook.ErrMalformed, "unexpected EOF"},
		{"array", `[{"event_name":"chat_accepted"}]`, webhook.ErrMalformed, "array, not an object"},
		{"string", `"chat_accepted"`, webhook.ErrMalformed, "string, not an object"},
		{"trailing garbage", `{"event_name":"chat_accepted"} x`, webhook.ErrMalformed, "invalid character"},
		{"no event_name", `{"chat_id":1}`, webhook.ErrNoEventName, ""},
		{"empty event_name", `{"event_name":""}`, webhook.ErrNoEventName, ""},
		{"null", `null`, webhook.ErrNoEventName, ""},
		{"null event_name", `{"event_name":null}`, webhook.ErrNoEventName, ""},
		{"bad escape", `{"event_name":"a\x"}`, webhook.ErrMalformed, "invalid character 'x' in string escape code"},
		{"control character", "{\"event_name\":\"a\x01\"}", webhook.ErrMalformed, "invalid JSON at byte 16"},
		{"leading zero", `{"event_name":"a","n":01}`, webhook.ErrMalformed, "invalid character '1' after object key:value pair"},
		{"numeric event_name", `{"event_name":7}`, webhook.ErrMalformed, "event_name is a JSON number"},
		{"object event_name", `{"event_name":{"a":1}}`, webhook.ErrMalformed, "event_name is a JSON object"},
		{"deep garbage", `{"event_name":"chat_accepted","visitor":[` + strings.Repeat("[", 20000) + `]}`, webhook.ErrMalformed, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev, err := webhook.Decode([]byte(tt.body))
			if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.mention) {
				t.Fatalf("Decode = %v, %v; want %v mentioning %q", ev, err, tt.want, tt.mention)
			}
		})
	}
}

func TestIDInt64(t *testing.T) {
	if n, ok := webhook.ID("2224").Int64(); !ok || n != 2224 {
		t.Fatalf("Int64 = %d, %v", n, ok)
	}
	if _, ok := webhook.ID("abc").Int64(); ok {
		t.Fatal("Int64 of a non-number succeeded")
	}
}

func TestField(t *testing.T) {
	ev, _ := webhook.Decode([]byte(`{"event_name":"chat_updated","brand_new":{"x":[1]}}`))
	v, ok := ev.Header().Field("brand_new")
	if !ok || string(v) != `{"x":[1]}` {
		t.Fatalf("Field = %s, %v", v, ok)
	}
	if _, ok := ev.Header().Field("missing"); ok {
		t.Fatal("Field found a missing field")
	}
}
