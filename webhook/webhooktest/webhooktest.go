// Package webhooktest builds realistic webhook events and calls a handler
// with them, for tests of code that receives JivoChat webhooks.
//
//	func TestChatAccepted(t *testing.T) {
//		h, _ := webhook.New(myFuncs, webhook.WithSigner(signer))
//		ev := webhooktest.Event[*webhook.ChatAccepted](t)
//		ev.UserToken = usertokentest.Mint(t, signer, "customer-42")
//		reply := webhooktest.Post(t, h, ev)
//		if reply.Status != 200 || !reply.OK() { ... }
//		// reply.CustomData, reply.ContactInfo, ... are what the agent sees
//	}
//
// The events start from the payloads of package samples: the vendor
// reference's own examples where it has them.
package webhooktest

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/jivokit/jivokit/webhook"
	"github.com/jivokit/jivokit/webhook/samples"
)

// Payload returns the sample payload of the named event.
func Payload(tb testing.TB, name webhook.Name) []byte {
	tb.Helper()
	p, err := samples.Payload(name)
	if err != nil {
		tb.Fatalf("webhooktest: %v", err)
	}
	return p
}

// Event returns the sample event of type E, decoded, for a test to change
// and post: Event[*webhook.ChatAccepted](t). Its Raw is the sample as
// sent, which gives each id the form the sample has (chat_id a number,
// widget_id a string) when the event is encoded again (see Body); the
// handler a test posts it to decodes the new body into a new Raw.
//
// A CRM event type starts from its entity's "created" sample
// (*webhook.CRMDealEvent from created_deal); EventNamed takes any sample.
func Event[E webhook.Event](tb testing.TB) E {
	tb.Helper()
	var zero E
	return EventNamed[E](tb, sampleName(zero))
}

// sampleName returns the name of the sample Event starts from for E.
func sampleName(zero webhook.Event) webhook.Name {
	switch zero.(type) {
	case *webhook.CRMPipelineEvent:
		return "created_pipeline"
	case *webhook.CRMStatusEvent:
		return "created_status"
	case *webhook.CRMClientTagEvent:
		return "created_client_tag"
	case *webhook.CRMDealEvent:
		return "created_deal"
	case *webhook.CRMTaskEvent:
		return "created_task"
	case *webhook.CRMOrganizationEvent:
		return "created_organization"
	case *webhook.CRMClientEvent:
		return "created_client"
	}
	return zero.Name()
}

// EventNamed returns the sample of the named event, decoded as E:
// EventNamed[*webhook.CRMTaskEvent](t, "fired_task").
func EventNamed[E webhook.Event](tb testing.TB, name webhook.Name) E {
	tb.Helper()
	var zero E
	ev, err := webhook.Decode(Payload(tb, name))
	if err != nil {
		tb.Fatalf("webhooktest: %v", err)
		return zero
	}
	e, ok := ev.(E)
	if !ok {
		tb.Fatalf("webhooktest: sample %s decodes to %T, not %T", name, ev, zero)
	}
	return e
}

// NewRequest returns a POST request for target with payload as its JSON
// body, like httptest.NewRequest. The payload is a []byte, string or
// json.RawMessage used as is, or a value to marshal (an Event gets its
// event_name filled in when empty).
func NewRequest(tb testing.TB, target string, payload any) *http.Request {
	tb.Helper()
	body, err := Body(payload)
	if err != nil {
		tb.Fatalf("webhooktest: %v", err)
	}
	r := httptest.NewRequest(http.MethodPost, target, bytes.NewReader(body))
	r.Header.Set("Content-Type", "application/json")
	return r
}

// Body returns payload as NewRequest sends it. An event is encoded by its
// MarshalJSON: ids keep the form they arrived in.
func Body(payload any) ([]byte, error) {
	switch p := payload.(type) {
	case []byte:
		return p, nil
	case json.RawMessage:
		return p, nil
	case string:
		return []byte(p), nil
	case webhook.Event:
		b, err := json.Marshal(p)
		if err == nil && p.Header().EventName == "" {
			b, err = Set(b, "event_name", string(p.Name()))
		}
		return b, err
	}
	return json.Marshal(payload)
}

// Reply is a handler's answer.
type Reply struct {
	Status int
	Header http.Header
	Body   []byte
	// Reply is Body decoded; its OK method tells whether result is "ok".
	webhook.Reply
}

// Do serves r with h and returns the reply. A reply that is not JSON fails
// the test.
func Do(tb testing.TB, h http.Handler, r *http.Request) Reply {
	tb.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, r)
	res := rec.Result()
	body, _ := io.ReadAll(res.Body)
	rep := Reply{Status: res.StatusCode, Header: res.Header, Body: body}
	if err := json.Unmarshal(body, &rep.Reply); err != nil {
		tb.Errorf("webhooktest: reply %d is not a JSON object: %v\n%s", res.StatusCode, err, body)
	}
	return rep
}

// Post posts payload (see NewRequest) to h at "/" and returns the reply.
func Post(tb testing.TB, h http.Handler, payload any) Reply {
	tb.Helper()
	return Do(tb, h, NewRequest(tb, "/", payload))
}
