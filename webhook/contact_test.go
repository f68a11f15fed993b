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
// setContactInfo checks it: invalid UTF-8 is left out and reported; an
// e-mail address or phone number jivokit advises on is sent and reported
// (ErrAdvice), or left out with WithStrict.
func TestReplyContactInfoChecked(t *testing.T) {
	view := &webhook.AgentView{ContactInfo: &jsapi.ContactInfo{Name: "Ann", Email: `a@b.com"<script>`, Phone: "+1 (408) 498-7855 ext. 2", Description: "bad\xff"}}
	funcs := webhook.Funcs{ChatAccepted: func(context.Context, *webhook.ChatAccepted) (*webhook.AgentView, error) { return view, nil }}
	count := func(e *errs, target error) int {
		n := 0
		for _, err := range e.list {
			if errors.Is(err, target) {
				n++
			}
		}
		return n
	}
	h, e := newHandler(t, funcs)
	rep := webhooktest.Post(t, h, webhooktest.Payload(t, webhook.NameChatAccepted))
	want := jsapi.ContactInfo{Name: "Ann", Email: view.ContactInfo.Email, Phone: view.ContactInfo.Phone}
	if !rep.OK() || rep.ContactInfo == nil || *rep.ContactInfo != want {
		t.Fatalf("reply %s", rep.Body)
	}
	var w *jsapi.Warning
	if count(e, webhook.ErrContactDropped) != 1 || count(e, webhook.ErrAdvice) != 2 || len(e.list) != 3 || !errors.As(e.list[1], &w) {
		t.Fatalf("reply %s, reported %v", rep.Body, e.list)
	}

	h, e = newHandler(t, funcs, webhook.WithStrict())
	rep = webhooktest.Post(t, h, webhooktest.Payload(t, webhook.NameChatAccepted))
	if !rep.OK() || rep.ContactInfo == nil || *rep.ContactInfo != (jsapi.ContactInfo{Name: "Ann"}) {
		t.Fatalf("strict: reply %s", rep.Body)
	}
	if strings.Contains(string(rep.Body), "script") || count(e, webhook.ErrContactDropped) != 3 || len(e.list) != 3 {
		t.Fatalf("strict: reply %s, reported %v", rep.Body, e.list)
	}
}

// TestReplyCustomDataCleaned: a reply's custom data is cleaned by
// jsapi.Cleaner.CustomData, as the snippet's is: a string that is not valid
// UTF-8 is left out (never sent altered), a field left with no text by that
// does not count towards the limit, and the fields too many are reported
// once.
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
	// custom_data[2] (a link alone: advice, sent), and one report for the
	// 4 too many.
	var dropped, advice, tooMany int
	for _, err := range e.list {
		switch {
		case errors.Is(err, webhook.ErrTooManyFields):
			tooMany++
			if !strings.Contains(err.Error(), "14 fields to send, the first 10 sent") {
				t.Errorf("too many: %v", err)
			}
		case errors.Is(err, webhook.ErrFieldDropped):
			dropped++
		case errors.Is(err, webhook.ErrAdvice):
			advice++
		}
	}
	if dropped != 2 || advice != 1 || tooMany != 1 || len(e.list) != 4 || rep.CustomData[1] != fields[2] {
		t.Fatalf("reported %v", e.list)
	}
}
