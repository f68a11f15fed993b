package eventlog_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/jivokit/jivokit/internal/lib/testtool"
	"github.com/jivokit/jivokit/webhook"
	"github.com/jivokit/jivokit/webhook/eventlog"
	"github.com/jivokit/jivokit/webhook/webhooktest"
)

// TestEventLogRecordsFailures: an event whose function fails or panics
// gets a failure line after its own, with its seq and the error; one whose
// function succeeds gets none.
func TestEventLogRecordsFailures(t *testing.T) {
	var out, print testtool.Buffer
	log := &eventlog.Log{Out: &out, Print: &print}
	h := newHandler(t, log.Funcs(webhook.Funcs{
		ChatFinished: func(context.Context, *webhook.ChatFinished) error { return errors.New("crm is down") },
		ChatAccepted: func(context.Context, *webhook.ChatAccepted) (*webhook.AgentView, error) { panic("boom") },
		CRMDeal:      func(context.Context, *webhook.CRMDealEvent) error { return nil },
	}))
	for _, name := range []webhook.Name{webhook.NameChatFinished, webhook.NameChatAccepted, "created_deal"} {
		webhooktest.Post(t, h, webhooktest.Payload(t, name))
	}
	flush(t, log)
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 5 {
		t.Fatalf("%d lines:\n%s", len(lines), out.String())
	}
	var m1, m2 eventlog.Mark
	json.Unmarshal([]byte(lines[1]), &m1)
	json.Unmarshal([]byte(lines[3]), &m2)
	if m1.Seq != 1 || m1.Name != "chat_finished" || m1.Failed != "crm is down" || strings.Contains(lines[1], `"event"`) {
		t.Errorf("failure line %s", lines[1])
	}
	if m2.Seq != 2 || m2.Name != "chat_accepted" || m2.Failed != "panic: boom" {
		t.Errorf("panic line %s", lines[3])
	}
	if r := log.Recent(); r[0].Failed != "crm is down" || r[2].Failed != "" {
		t.Errorf("recent %+v", r)
	}
	if p := print.String(); !strings.Contains(p, "#1 ") || !strings.Contains(p, "chat_finished FAILED: crm is down") {
		t.Errorf("printed:\n%s", p)
	}
}

// TestOversizeIsRecorded: a body over the limit gets 413, and the event
// log records it with its size, event name and chat id, read from its
// start: with a Content-Length and without one (chunked).
func TestOversizeIsRecorded(t *testing.T) {
	// A body of about 100 KB, event_name and chat_id first, as the
	// vendor sends them.
	body := []byte(`{"event_name":"chat_finished","chat_id":7676,"plain_messages":"` + strings.Repeat("Hello, I have a question about my order. ", 2500) + `"}`)
	var out, print testtool.Buffer
	log := &eventlog.Log{Out: &out, Print: &print}
	h := newHandler(t, log.Funcs(webhook.Funcs{}), webhook.WithMaxBodySize(64<<10), webhook.WithOversize(log.RecordOversize))
	for _, chunked := range []bool{false, true} {
		r := webhooktest.NewRequest(t, "/", body)
		if chunked {
			r.ContentLength = -1
		}
		if rep := webhooktest.Do(t, h, r); rep.Status != http.StatusRequestEntityTooLarge {
			t.Fatalf("status %d", rep.Status)
		}
	}
	flush(t, log)
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 2 || log.Len() != 0 {
		t.Fatalf("log:\n%s", out.String())
	}
	for i, line := range lines {
		var m eventlog.Mark
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatal(err)
		}
		want := eventlog.TooLarge{Size: int64(len(body)), Limit: 64 << 10}
		if i == 1 {
			want = eventlog.TooLarge{Size: 64<<10 + 1, AtLeast: true, Limit: 64 << 10}
		}
		if m.Name != "chat_finished" || m.ChatID != "7676" || m.Seq != 0 || m.TooLarge == nil || *m.TooLarge != want {
			t.Errorf("line %s, want %+v", line, want)
		}
	}
	if p := print.String(); strings.Count(p, "LOST chat_finished chat 7676") != 2 {
		t.Errorf("printed:\n%s", p)
	}
}
