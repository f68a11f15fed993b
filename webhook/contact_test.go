package webhook_test

import (
	"context"
	"errors"
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

// TestReplyCustomDataCleaned: a reply's custom data is cleaned by
// jsapi.CleanCustomData, as the snippet's is: a string that is not valid
// UTF-8 is left out (never sent altered), a field left with no text does
// not count towards the limit, and the fields too many are reported once.
func TestReplyCustomDataCleaned(t *testing.T) {
	fields := []jsapi.CustomField{{Title: "bad\xff", Content: "kept"}, {Title: "\xfe"}, {Link: "https://example.com/"}}
	for range 12 {
		fields = append(fields, jsapi.CustomField{Content: "x"})
	}
	view := &webhook.AgentView{CustomData: fields}
	h, e := newHandler(t, webhook.Funcs{ChatUpdated: func(context.Context, *webhook.ChatUpdated) (*webhook.AgentView, error) { return view, nil }})
	rep := webhooktest.Post(t, h, webhooktest.Payload(t, webhook.NameChatUpdated))
	if !rep.OK() || len(rep.CustomData) != jsapi.MaxCustomFields || rep.CustomData[0] != (jsapi.CustomField{Content: "kept"}) {
		t.Fatalf("reply %s", rep.Body)
	}
	if strings.Contains(string(rep.Body), `\ufffd`) || strings.Contains(string(rep.Body), "\ufffd") {
		t.Fatalf("invalid UTF-8 sent altered: %s", rep.Body)
	}
	// custom_data[0].title and custom_data[1].title (invalid UTF-8),
	// custom_data[2] (a link alone), and one report for the 3 too many.
	var dropped, tooMany int
	for _, err := range e.list {
		switch {
		case errors.Is(err, webhook.ErrTooManyFields):
			tooMany++
			if !strings.Contains(err.Error(), "13 fields with text given, the first 10 sent") {
				t.Errorf("too many: %v", err)
			}
		case errors.Is(err, webhook.ErrFieldDropped):
			dropped++
		}
	}
	if dropped != 3 || tooMany != 1 || len(e.list) != 4 {
		t.Fatalf("reported %v", e.list)
	}
}
