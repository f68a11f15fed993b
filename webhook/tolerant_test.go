package webhook_test

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"github.com/jivokit/jivokit/webhook"
	"github.com/jivokit/jivokit/webhook/webhooktest"
)

// TestDecodeToleratesNumbers reads the forms real senders give numbers and
// booleans in: every one is read, nothing is reported.
func TestDecodeToleratesNumbers(t *testing.T) {
	tests := []struct {
		name, body string
		check      func(*webhook.ChatFinished) bool
	}{
		{"count as number", `{"visitor":{"chats_count":9}}`, func(e *webhook.ChatFinished) bool { return e.Visitor.ChatsCount == 9 }},
		{"count as string", `{"visitor":{"chats_count":"9"}}`, func(e *webhook.ChatFinished) bool { return e.Visitor.ChatsCount == 9 }},
		{"count as padded string", `{"visitor":{"chats_count":" 9 "}}`, func(e *webhook.ChatFinished) bool { return e.Visitor.ChatsCount == 9 }},
		{"count as whole float", `{"visitor":{"chats_count":9.0}}`, func(e *webhook.ChatFinished) bool { return e.Visitor.ChatsCount == 9 }},
		{"count as exponent", `{"visitor":{"chats_count":1e2}}`, func(e *webhook.ChatFinished) bool { return e.Visitor.ChatsCount == 100 }},
		{"count as float string", `{"visitor":{"chats_count":"9.0"}}`, func(e *webhook.ChatFinished) bool { return e.Visitor.ChatsCount == 9 }},
		{"count as empty string", `{"visitor":{"chats_count":""}}`, func(e *webhook.ChatFinished) bool { return e.Visitor.ChatsCount == 0 }},
		{"count null", `{"visitor":{"chats_count":null}}`, func(e *webhook.ChatFinished) bool { return e.Visitor.ChatsCount == 0 }},
		{"negative count", `{"visitor":{"chats_count":"-3"}}`, func(e *webhook.ChatFinished) bool { return e.Visitor.ChatsCount == -3 }},
		{"timestamp as string", `{"chat":{"messages":[{"timestamp":"1431955090"}]}}`, func(e *webhook.ChatFinished) bool { return e.Chat.Messages[0].Timestamp == 1431955090 }},
		{"timestamp as whole float", `{"chat":{"messages":[{"timestamp":1431955090.0}]}}`, func(e *webhook.ChatFinished) bool { return e.Chat.Messages[0].Timestamp == 1431955090 }},
		{"timestamp as exponent", `{"chat":{"messages":[{"timestamp":1.43195509e9}]}}`, func(e *webhook.ChatFinished) bool { return e.Chat.Messages[0].Timestamp == 1431955090 }},
		{"blacklisted true", `{"chat":{"blacklisted":true}}`, func(e *webhook.ChatFinished) bool { return e.Chat.Blacklisted }},
		{"blacklisted \"true\"", `{"chat":{"blacklisted":"true"}}`, func(e *webhook.ChatFinished) bool { return e.Chat.Blacklisted }},
		{"blacklisted \"TRUE\"", `{"chat":{"blacklisted":"TRUE"}}`, func(e *webhook.ChatFinished) bool { return e.Chat.Blacklisted }},
		{"blacklisted \"false\"", `{"chat":{"blacklisted":"false"}}`, func(e *webhook.ChatFinished) bool { return !e.Chat.Blacklisted }},
		{"blacklisted 1", `{"chat":{"blacklisted":1}}`, func(e *webhook.ChatFinished) bool { return e.Chat.Blacklisted }},
		{"blacklisted 0", `{"chat":{"blacklisted":0}}`, func(e *webhook.ChatFinished) bool { return !e.Chat.Blacklisted }},
		{"blacklisted \"1\"", `{"chat":{"blacklisted":"1"}}`, func(e *webhook.ChatFinished) bool { return e.Chat.Blacklisted }},
		{"blacklisted \"0\"", `{"chat":{"blacklisted":"0"}}`, func(e *webhook.ChatFinished) bool { return !e.Chat.Blacklisted }},
		{"message blacklisted \"true\"", `{"chat":{"messages":[{"blacklisted":"true"}]}}`, func(e *webhook.ChatFinished) bool { return e.Chat.Messages[0].Blacklisted }},
		{"phone as number", `{"visitor":{"phone":14084987855}}`, func(e *webhook.ChatFinished) bool { return e.Visitor.Phone == "14084987855" }},
		{"latitude as number", `{"session":{"geoip":{"latitude":37.7898}}}`, func(e *webhook.ChatFinished) bool { return e.Session.GeoIP.Latitude == "37.7898" }},
		{"rate as string", `{"chat":{"rate":"positive"}}`, func(e *webhook.ChatFinished) bool { return e.Chat.Rate == "positive" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := `{"event_name":"chat_finished",` + strings.TrimPrefix(tt.body, "{")
			ev, err := webhook.Decode([]byte(body))
			if err != nil {
				t.Fatalf("Decode(%s): %v", body, err)
			}
			e := ev.(*webhook.ChatFinished)
			if len(e.Problems) != 0 {
				t.Errorf("problems: %v", e.Problems)
			}
			if !tt.check(e) {
				t.Errorf("Decode(%s) read %+v", body, e)
			}
		})
	}
}

// TestDecodeReportsWhatItCannotRead: a field that cannot be read is left
// zero and listed in Problems; the rest of the event is read and it is
// delivered.
func TestDecodeReportsWhatItCannotRead(t *testing.T) {
	tests := []struct {
		name, body, field, reason string
		check                     func(*webhook.ChatFinished) bool
	}{
		{"count is a word", `{"visitor":{"chats_count":"many","name":"Ann"}}`, "visitor.chats_count", "is not a number",
			func(e *webhook.ChatFinished) bool { return e.Visitor.ChatsCount == 0 && e.Visitor.Name == "Ann" }},
		{"count is an object", `{"visitor":{"chats_count":{}}}`, "visitor.chats_count", "is not a number", nil},
		{"count is a boolean", `{"visitor":{"chats_count":true}}`, "visitor.chats_count", "is not a number", nil},
		{"count out of range", `{"visitor":{"chats_count":1e30}}`, "visitor.chats_count", "is out of range", nil},
		{"timestamp with a fraction", `{"chat":{"messages":[{"timestamp":1431955090.5,"message":"hi"}]}}`, "chat.messages.0.timestamp", "has a fraction",
			func(e *webhook.ChatFinished) bool {
				return e.Chat.Messages[0].Timestamp == 1431955090 && e.Chat.Messages[0].Message == "hi"
			}},
		{"blacklisted yes", `{"chat":{"blacklisted":"yes","rate":"negative"}}`, "chat.blacklisted", "is not a boolean",
			func(e *webhook.ChatFinished) bool { return !e.Chat.Blacklisted && e.Chat.Rate == "negative" }},
		{"blacklisted 2", `{"chat":{"blacklisted":2}}`, "chat.blacklisted", "is not a boolean", nil},
		{"visitor is an array", `{"visitor":[],"chat_id":5}`, "visitor", "is not an object",
			func(e *webhook.ChatFinished) bool { return e.ChatID == "5" }},
		{"messages is an object", `{"chat":{"messages":{"0":{}}}}`, "chat.messages", "is not an array", nil},
		{"agents is a string", `{"agents":"Thomas"}`, "agents", "is not an array", nil},
		{"chat id is an object", `{"chat_id":{}}`, "chat_id", "is not a string or a number", nil},
		{"name is an array", `{"visitor":{"name":["Ann"]}}`, "visitor.name", "is not a string", nil},
		{"tag is a number", `{"tags":[5,"vip"]}`, "tags.0", "is not an object or a string",
			func(e *webhook.ChatFinished) bool { return len(e.Tags) == 2 && e.Tags[1].Title == "vip" }},
		{"tag's id is an object", `{"tags":[{"id":{},"title":"vip"}]}`, "tags.0.id", "is not a string or a number",
			func(e *webhook.ChatFinished) bool { return e.Tags[0].Title == "vip" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := `{"event_name":"chat_finished",` + strings.TrimPrefix(tt.body, "{")
			ev, err := webhook.Decode([]byte(body))
			if err != nil {
				t.Fatalf("Decode(%s): %v", body, err)
			}
			e := ev.(*webhook.ChatFinished)
			if len(e.Problems) != 1 || e.Problems[0].Field != tt.field || !strings.Contains(e.Problems[0].Reason, tt.reason) {
				t.Fatalf("problems %v, want one at %s that %s", e.Problems, tt.field, tt.reason)
			}
			if !errors.Is(e.Problems[0], webhook.ErrFieldUnreadable) || !strings.Contains(e.Problems[0].Error(), tt.field) {
				t.Errorf("problem error %q", e.Problems[0])
			}
			if tt.check != nil && !tt.check(e) {
				t.Errorf("read %+v", e)
			}
		})
	}
}

// TestDecodeProblemsBelongToTheEvent: a field another event has (agent on
// an offline message) or an unknown event's field is not its problem.
func TestDecodeProblemsBelongToTheEvent(t *testing.T) {
	for _, body := range []string{
		`{"event_name":"offline_message","agent":"Thomas","call":7,"message":"hi"}`,
		`{"event_name":"chat_transferred","agent":"Thomas","chat":[]}`,
	} {
		ev, err := webhook.Decode([]byte(body))
		if err != nil || len(ev.Header().Problems) != 0 {
			t.Errorf("Decode(%s) = %v, problems %v", body, err, ev.Header().Problems)
		}
	}
	ev, _ := webhook.Decode([]byte(`{"event_name":"chat_transferred","visitor":{"chats_count":"x"}}`))
	if len(ev.Header().Problems) != 1 {
		t.Errorf("problem in a field every event has: %v", ev.Header().Problems)
	}
}

// TestHandlerDeliversEventsWithProblems: the event still reaches its
// function, the reply is ok, and each problem is reported.
func TestHandlerDeliversEventsWithProblems(t *testing.T) {
	var got *webhook.ChatFinished
	var reported []error
	h, err := webhook.New(webhook.Funcs{ChatFinished: func(_ context.Context, e *webhook.ChatFinished) error {
		got = e
		return nil
	}}, webhook.WithErrorHandler(func(_ context.Context, err error) { reported = append(reported, err) }),
		webhook.WithLogger(slog.New(slog.DiscardHandler)))
	if err != nil {
		t.Fatal(err)
	}
	body := `{"event_name":"chat_finished","chat_id":2302,"visitor":{"chats_count":"9"},"chat":{"blacklisted":"false","messages":[{"timestamp":"x","message":"hi"}]}}`
	rep := webhooktest.Post(t, h, body)
	if rep.Status != http.StatusOK || !rep.OK() || got == nil {
		t.Fatalf("reply %d %s; delivered %v", rep.Status, rep.Body, got != nil)
	}
	if got.Visitor.ChatsCount != 9 || got.Chat.Messages[0].Message != "hi" || len(got.Problems) != 1 {
		t.Fatalf("delivered %+v", got)
	}
	if len(reported) != 1 || !errors.Is(reported[0], webhook.ErrFieldUnreadable) || !strings.Contains(reported[0].Error(), "chat.messages.0.timestamp") {
		t.Fatalf("reported %v", reported)
	}
}
