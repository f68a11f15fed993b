package webhook_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/jivokit/jivokit/internal/lib/testtool"
	"github.com/jivokit/jivokit/webhook"
	"github.com/jivokit/jivokit/webhook/webhooktest"
)

// TestEventLogRecordsFailures: an event whose function fails or panics
// gets a failure line after its own, with its seq and the error; one whose
// function succeeds gets none.
func TestEventLogRecordsFailures(t *testing.T) {
	var out, print testtool.Buffer
	log := &webhook.EventLog{Out: &out, Print: &print}
	h, _ := newHandler(t, log.Funcs(webhook.Funcs{
		ChatFinished: func(context.Context, *webhook.ChatFinished) error { return errors.New("crm is down") },
		ChatAccepted: func(context.Context, *webhook.ChatAccepted) (*webhook.AgentView, error) { panic("boom") },
		CRMDeal:      func(context.Context, *webhook.CRMDealEvent) error { return nil },
	}))
	for _, name := range []webhook.Name{webhook.NameChatFinished, webhook.NameChatAccepted, webhook.NameCreatedDeal} {
		webhooktest.Post(t, h, webhooktest.Payload(t, name))
	}
	flush(t, log)
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 5 {
		t.Fatalf("%d lines:\n%s", len(lines), out.String())
	}
	var m1, m2 webhook.Mark
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
