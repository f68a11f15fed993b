package webhook_test

import (
	"context"
	"strings"
	"testing"

	"github.com/jivokit/jivokit/jsapi"
	"github.com/jivokit/jivokit/webhook"
	"github.com/jivokit/jivokit/webhook/webhooktest"
)

// TestReplyContactInfoChecked: contact_info in a reply is checked as
// setContactInfo checks it; invalid parts are left out and reported.
func TestReplyContactInfoChecked(t *testing.T) {
	view := &webhook.AgentView{ContactInfo: &jsapi.ContactInfo{Name: "Ann", Email: `a@b.com"<script>`, Phone: "javascript:1", Description: "bad\xff"}}
	h, e := newHandler(t, webhook.Funcs{ChatAccepted: func(context.Context, *webhook.ChatAccepted) (*webhook.AgentView, error) { return view, nil }})
	rep := webhooktest.Post(t, h, webhooktest.Payload(t, webhook.NameChatAccepted))
	if !rep.OK() || rep.ContactInfo == nil || *rep.ContactInfo != (jsapi.ContactInfo{Name: "Ann"}) {
		t.Fatalf("reply %s", rep.Body)
	}
	if strings.Contains(string(rep.Body), "script") || strings.Contains(string(rep.Body), "javascript") || !e.has(webhook.ErrContactDropped) || len(e.list) != 3 {
		t.Fatalf("reply %s, reported %v", rep.Body, e.list)
	}
}
