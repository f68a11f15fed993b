package webhook_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/jivokit/jivokit/webhook"
	"github.com/jivokit/jivokit/webhook/samples"
	"github.com/jivokit/jivokit/webhook/webhooktest"
)

// TestDecodeCRMSamples: every CRM sample decodes to its entity's type,
// with the action read from event_name and the entity kept whole.
func TestDecodeCRMSamples(t *testing.T) {
	if len(samples.CRMNames()) != 26 {
		t.Fatalf("%d CRM events", len(samples.CRMNames()))
	}
	for _, name := range samples.CRMNames() {
		body := webhooktest.Payload(t, name)
		ev, err := webhook.Decode(body)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		c, ok := ev.(webhook.CRM)
		if !ok {
			t.Fatalf("%s decodes to %T, not a CRM event", name, ev)
		}
		if ev.Name() != name || len(ev.Header().Problems) != 0 {
			t.Errorf("%s: name %q, problems %v", name, ev.Name(), ev.Header().Problems)
		}
		entity := string(c.Entity())
		if !strings.HasPrefix(entity, "crm_") || !strings.Contains(string(name), strings.TrimPrefix(entity, "crm_")) {
			t.Errorf("%s: entity %q", name, entity)
		}
		obj := c.Object()
		if obj.ID == "" || !json.Valid(obj.Raw) || !bytes.Contains(body, obj.Raw) {
			t.Errorf("%s: object %+v", name, obj)
		}
	}
	tests := []struct {
		name   webhook.Name
		typ    string
		action webhook.CRMAction
	}{
		{"created_deal", "*webhook.CRMDealEvent", webhook.CRMCreated},
		{"deleted_pipeline", "*webhook.CRMPipelineEvent", webhook.CRMDeleted},
		{"changed_require_update_of_status", "*webhook.CRMStatusEvent", webhook.CRMChangedRequireUpdate},
		{"reordered_status", "*webhook.CRMStatusEvent", webhook.CRMReordered},
		{"merged_client_tag", "*webhook.CRMClientTagEvent", webhook.CRMMerged},
		{"changed_administrator_only_client_tag", "*webhook.CRMClientTagEvent", webhook.CRMChangedAdministratorOnly},
		{"fired_task", "*webhook.CRMTaskEvent", webhook.CRMFired},
		{"completed_task", "*webhook.CRMTaskEvent", webhook.CRMCompleted},
		{"created_organization", "*webhook.CRMOrganizationEvent", webhook.CRMCreated},
		{"updated_client", "*webhook.CRMClientEvent", webhook.CRMUpdated},
	}
	for _, tt := range tests {
		ev, _ := webhook.Decode(webhooktest.Payload(t, tt.name))
		if got := typeName(ev); got != tt.typ {
			t.Errorf("%s: %s, want %s", tt.name, got, tt.typ)
		}
		if a := crmBase(ev).Action; a != tt.action {
			t.Errorf("%s: action %q, want %q", tt.name, a, tt.action)
		}
	}
	deal, _ := webhook.Decode(webhooktest.Payload(t, "created_deal"))
	d := deal.(*webhook.CRMDealEvent)
	if d.Deal.ID != "1042" || d.Deal.Title != "Website redesign" || d.Timestamp != 1718006400 || d.EventType != webhook.CRMDeal {
		t.Errorf("created_deal: %+v", d)
	}
	var own struct {
		Amount   int    `json:"amount"`
		Currency string `json:"currency"`
	}
	if err := json.Unmarshal(d.Deal.Raw, &own); err != nil || own.Amount != 150000 || own.Currency != "USD" {
		t.Errorf("the deal's Raw: %+v, %v", own, err)
	}
	status, _ := webhook.Decode(webhooktest.Payload(t, "updated_status"))
	if s := status.(*webhook.CRMStatusEvent); s.Status.Title != "Negotiation" || s.Base.Status != nil {
		t.Errorf("updated_status: %+v", s)
	}
}

func typeName(v any) string { return fmt.Sprintf("%T", v) }

func crmBase(ev webhook.Event) *webhook.CRMBase {
	switch e := ev.(type) {
	case *webhook.CRMPipelineEvent:
		return &e.CRMBase
	case *webhook.CRMStatusEvent:
		return &e.CRMBase
	case *webhook.CRMClientTagEvent:
		return &e.CRMBase
	case *webhook.CRMDealEvent:
		return &e.CRMBase
	case *webhook.CRMTaskEvent:
		return &e.CRMBase
	case *webhook.CRMOrganizationEvent:
		return &e.CRMBase
	case *webhook.CRMClientEvent:
		return &e.CRMBase
	}
	return nil
}

// TestDecodeCRMTolerates: a CRM event is read as tolerantly as any: ids
// and numbers in either form, an action this package does not know (by
// its event_type), an entity that is not an object (a Problem).
func TestDecodeCRMTolerates(t *testing.T) {
	ev, err := webhook.Decode([]byte(`{"event_type":"crm_deal","event_name":"archived_deal","timestamp":"1718006400","deal":{"id":"d-7","name":5}}`))
	if err != nil {
		t.Fatal(err)
	}
	d, ok := ev.(*webhook.CRMDealEvent)
	if !ok || d.Action != "archived" || d.Timestamp != 1718006400 || d.Deal.ID != "d-7" || d.Deal.Name != "5" || len(d.Problems) != 0 {
		t.Fatalf("%T %+v", ev, ev)
	}
	ev, _ = webhook.Decode([]byte(`{"event_type":"crm_task","event_name":"fired_task","task":["x"],"timestamp":{}}`))
	task := ev.(*webhook.CRMTaskEvent)
	if len(task.Problems) != 2 || task.Problems[0].Field != "task" || task.Problems[1].Field != "timestamp" {
		t.Fatalf("problems %v", task.Problems)
	}
	// An unknown entity with an unknown action is an Unknown event.
	ev, _ = webhook.Decode([]byte(`{"event_type":"crm_invoice","event_name":"created_invoice"}`))
	if _, ok := ev.(*webhook.Unknown); !ok {
		t.Fatalf("unknown CRM entity: %T", ev)
	}
}

// TestHandlerCRM: each CRM event reaches its entity's function, and is
// answered {"result":"ok"}, or the function's error.
func TestHandlerCRM(t *testing.T) {
	got := map[string]webhook.CRMAction{}
	rec := func(e webhook.CRM) error {
		if e.Object().ID == "" {
			t.Errorf("%s: no object", e.Name())
		}
		got[string(e.Name())] = crmBase(e).Action
		return nil
	}
	h, err := webhook.New(webhook.Funcs{
		CRMPipeline:     func(_ context.Context, e *webhook.CRMPipelineEvent) error { return rec(e) },
		CRMStatus:       func(_ context.Context, e *webhook.CRMStatusEvent) error { return rec(e) },
		CRMClientTag:    func(_ context.Context, e *webhook.CRMClientTagEvent) error { return rec(e) },
		CRMDeal:         func(_ context.Context, e *webhook.CRMDealEvent) error { return rec(e) },
		CRMTask:         func(_ context.Context, e *webhook.CRMTaskEvent) error { return rec(e) },
		CRMOrganization: func(_ context.Context, e *webhook.CRMOrganizationEvent) error { return rec(e) },
		CRMClient:       func(_ context.Context, e *webhook.CRMClientEvent) error { return rec(e) },
		Other:           func(context.Context, *webhook.Unknown) error { t.Error("a CRM event reached Other"); return nil },
	}, webhook.WithLogger(slog.New(slog.DiscardHandler)))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range samples.CRMNames() {
		rep := webhooktest.Post(t, h, webhooktest.Payload(t, name))
		if rep.Status != 200 || string(rep.Body) != `{"result":"ok"}` {
			t.Errorf("%s: %d %s", name, rep.Status, rep.Body)
		}
	}
	if len(got) != len(samples.CRMNames()) {
		t.Fatalf("delivered %d of %d", len(got), len(samples.CRMNames()))
	}
	failing, _ := webhook.New(webhook.Funcs{CRMDeal: func(context.Context, *webhook.CRMDealEvent) error {
		return context.DeadlineExceeded
	}}, webhook.WithLogger(slog.New(slog.DiscardHandler)))
	rep := webhooktest.Post(t, failing, webhooktest.Payload(t, "created_deal"))
	if rep.Status != 200 || rep.Result != "context deadline exceeded" {
		t.Fatalf("a failed CRM function: %d %s", rep.Status, rep.Body)
	}
}

// TestRoundTripEverySample: every sample, decoded and encoded again
// (json.Marshal, webhooktest.Body), is the sample itself, compacted: every
// value in the form and place it arrived in, false and 0 included.
func TestRoundTripEverySample(t *testing.T) {
	for _, name := range append(samples.Names(), samples.CRMNames()...) {
		sample := webhooktest.Payload(t, name)
		ev, err := webhook.Decode(sample)
		if err != nil {
			t.Fatal(err)
		}
		var want bytes.Buffer
		json.Compact(&want, sample)
		got, err := webhooktest.Body(ev)
		if err != nil || string(got) != want.String() {
			t.Errorf("%s: Body = %s, %v\nwant %s", name, got, err, want.Bytes())
		}
	}
	newer := webhooktest.Payload(t, webhook.NameChatFinished) // the reference's, with blacklisted: false
	if !bytes.Contains(newer, []byte(`"blacklisted": false`)) {
		t.Fatal("the chat_finished sample lost its blacklisted: false")
	}
}

// TestEncodeZeroValues: a false or 0 that arrived is written; one the
// program set to zero over a value that arrived is left out; a value sent
// as a string that the program left alone stays a string.
func TestEncodeZeroValues(t *testing.T) {
	ev, _ := webhook.Decode([]byte(`{"event_name":"chat_finished","visitor":{"chats_count":0,"name":"Ann"},"chat":{"blacklisted":false,"rate":"","messages":[{"timestamp":"15","blacklisted":"0"}]},"x":{"y":1}}`))
	out, _ := json.Marshal(ev)
	if want := `{"event_name":"chat_finished","visitor":{"chats_count":0,"name":"Ann"},"chat":{"blacklisted":false,"rate":"","messages":[{"timestamp":"15","blacklisted":"0"}]},"x":{"y":1}}`; string(out) != want {
		t.Fatalf("encoded %s\nwant    %s", out, want)
	}
	f := ev.(*webhook.ChatFinished)
	f.Visitor.Name = ""
	f.Chat.Messages[0].Timestamp = 16
	f.Chat.Rate = "positive"
	out, _ = json.Marshal(ev)
	if want := `{"event_name":"chat_finished","visitor":{"chats_count":0},"chat":{"blacklisted":false,"rate":"positive","messages":[{"timestamp":16,"blacklisted":"0"}]},"x":{"y":1}}`; string(out) != want {
		t.Fatalf("changed: %s\nwant     %s", out, want)
	}
}

// TestDecodeNewerFields: plain_messages and html_messages are strings;
// chat.invitation is a string, a number keeps its text, anything else is a
// Problem.
func TestDecodeNewerFields(t *testing.T) {
	ev, _ := webhook.Decode([]byte(`{"event_name":"chat_finished","plain_messages":"a\nb","html_messages":"<p>a</p>","chat":{"invitation":"Hi!"}}`))
	e := ev.(*webhook.ChatFinished)
	if e.PlainMessages != "a\nb" || e.HTMLMessages != "<p>a</p>" || e.Chat.Invitation != "Hi!" || len(e.Problems) != 0 {
		t.Fatalf("%+v", e)
	}
	ev, _ = webhook.Decode([]byte(`{"event_name":"chat_finished","chat":{"invitation":7}}`))
	if e := ev.(*webhook.ChatFinished); e.Chat.Invitation != "7" {
		t.Fatalf("invitation %q", e.Chat.Invitation)
	}
	ev, _ = webhook.Decode([]byte(`{"event_name":"chat_finished","chat":{"invitation":{"text":"Hi"}},"plain_messages":["a"],"html_messages":null}`))
	if e := ev.(*webhook.ChatFinished); len(e.Problems) != 2 || e.Problems[0].Field != "chat.invitation" || e.Problems[1].Field != "plain_messages" {
		t.Fatalf("problems %v", e.Problems)
	}
}
