package webhook_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/jivokit/jivokit/usertoken/usertokentest"
	"github.com/jivokit/jivokit/webhook"
	"github.com/jivokit/jivokit/webhook/webhooktest"
)

func TestEventLogRecordsBeforeTheFunction(t *testing.T) {
	var out, print bytes.Buffer
	log := &webhook.EventLog{Out: &out, Print: &print, Keep: 3}
	signer := usertokentest.Signer(t)
	var seenAtCall uint64
	h, _ := newHandler(t, log.Funcs(webhook.Funcs{
		ChatAccepted: func(context.Context, *webhook.ChatAccepted) (*webhook.AgentView, error) {
			seenAtCall = log.Len()
			return nil, nil
		},
	}), webhook.WithSigner(signer))

	ev := webhooktest.Event[*webhook.ChatAccepted](t)
	ev.UserToken = usertokentest.Mint(t, signer, "customer-42")
	webhooktest.Post(t, h, ev)
	if seenAtCall != 1 {
		t.Fatalf("the function ran before the event was logged (len %d)", seenAtCall)
	}
	for _, name := range webhook.Names() {
		webhooktest.Post(t, h, webhooktest.Payload(t, name))
	}
	webhooktest.Post(t, h, `{"event_name":"chat_transferred","chat_id":1}`)

	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) != 10 {
		t.Fatalf("%d lines logged, want 10:\n%s", len(lines), out.String())
	}
	var first struct {
		Seq             uint64          `json:"seq"`
		Name            string          `json:"event_name"`
		VerifiedVisitor string          `json:"verified_visitor"`
		Event           json.RawMessage `json:"event"`
	}
	if err := json.Unmarshal([]byte(lines[0]), &first); err != nil {
		t.Fatal(err)
	}
	if first.Seq != 1 || first.Name != "chat_accepted" || first.VerifiedVisitor != "customer-42" || !bytes.Contains(first.Event, []byte(`"chat_id":3537`)) {
		t.Fatalf("first line %s", lines[0])
	}
	if !strings.Contains(lines[9], `"event_name":"chat_transferred"`) {
		t.Fatalf("unknown event not logged: %s", lines[9])
	}
	if !strings.Contains(print.String(), `#1 `) || !strings.Contains(print.String(), `chat_accepted chat 3537 · John Smith <email@example.com> +14084987855 visitor #2846 · verified visitor "customer-42" · agent Thomas Anderson #2224 · http://example.com/`) {
		t.Fatalf("readable output:\n%s", print.String())
	}

	recent := log.Recent()
	if len(recent) != 3 || recent[0].Seq != 8 || recent[2].Seq != 10 {
		t.Fatalf("Recent = %d entries from %d", len(recent), recent[0].Seq)
	}
	if since := log.Since(9); len(since) != 1 || since[0].Seq != 10 {
		t.Fatalf("Since(9) = %v", since)
	}
	if since := log.Since(10); len(since) != 0 {
		t.Fatalf("Since(10) = %v", since)
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestEventLogWriteFailureIsTheReply(t *testing.T) {
	called := false
	log := &webhook.EventLog{Out: failingWriter{}}
	h, _ := newHandler(t, log.Funcs(webhook.Funcs{
		ChatFinished: func(context.Context, *webhook.ChatFinished) error { called = true; return nil },
	}))
	rep := webhooktest.Post(t, h, webhooktest.Payload(t, webhook.NameChatFinished))
	if rep.OK() || !strings.Contains(rep.Result, "disk full") || called {
		t.Fatalf("reply %s, function called %v", rep.Body, called)
	}
}

func TestSummary(t *testing.T) {
	tests := []struct {
		name webhook.Name
		want string
	}{
		{webhook.NameCallEvent, "call_event chat 2302 · John Smith <email@example.com> +14084987855 visitor #2846 · call callback end +14084987855 · agent Thomas Anderson #2224 · http://example.com/"},
		{webhook.NameChatFinished, "chat_finished chat 7676 · John Smith <email@example.com> +14084987855 visitor #2846 · agent Thomas Anderson #2224 · 1 messages · http://example.com/"},
		{webhook.NameOfflineMessage, `offline_message · John Smith <email@example.com> +14084987855 visitor #2846 · message "Message text" · http://example.com/`},
		{webhook.NameClientUpdated, `client_updated · John Smith <email@example.com> +14084987855 visitor #1217 · user_token "customer-42" (unverified)`},
	}
	for _, tt := range tests {
		ev, _ := webhook.Decode(webhooktest.Payload(t, tt.name))
		if got := webhook.Summary(ev); got != tt.want {
			t.Errorf("Summary(%s)\n got %s\nwant %s", tt.name, got, tt.want)
		}
	}
	ev, _ := webhook.Decode([]byte("{\"event_name\":\"chat_updated\",\"visitor\":{\"name\":\"Ann\\nFake: line\\u2028\"}}"))
	if got := webhook.Summary(ev); strings.ContainsAny(got, "\n\u2028") {
		t.Errorf("summary spans lines: %q", got)
	}
}
