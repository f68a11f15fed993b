package webhooktool

import (
	"context"
	"net/http"
	"time"

	"github.com/jivokit/jivokit/jsapi"
	"github.com/jivokit/jivokit/webhook"
	"github.com/jivokit/jivokit/webhook/eventlog"
)

// NewHandler returns the webhook handler of a receiver (the listen
// command's, the demo's): every event is recorded in log before it is
// answered (a body over the limit too, as far as it can be read), and
// chat_accepted and chat_updated are answered with an AgentView that shows
// the agent what receiver received.
func NewHandler(log *eventlog.Log, receiver string, opts ...webhook.Option) (http.Handler, error) {
	return webhook.New(log.Funcs(funcs(receiver)), append([]webhook.Option{webhook.WithOversize(log.RecordOversize)}, opts...)...)
}

// funcs are the replies of a receiver that shows the agent what it got
// (the listener's, the demo's): chat_accepted and chat_updated show the
// visitor's contacts and page, whether the visitor's token verified, and
// which receiver got the event when; other events are answered ok.
func funcs(receiver string) webhook.Funcs {
	return webhook.Funcs{
		ChatAccepted: func(_ context.Context, e *webhook.ChatAccepted) (*webhook.AgentView, error) {
			return view(&e.Base, receiver), nil
		},
		ChatUpdated: func(_ context.Context, e *webhook.ChatUpdated) (*webhook.AgentView, error) {
			return view(&e.Base, receiver), nil
		},
	}
}

func view(b *webhook.Base, receiver string) *webhook.AgentView {
	visitor := "not verified"
	switch {
	case b.Identity.Verified():
		visitor = "verified: " + b.Identity.VisitorID
	case b.UserToken != "":
		visitor = "not verified (user_token " + b.UserToken + ")"
	}
	v := &webhook.AgentView{
		CustomData: []jsapi.CustomField{
			{Title: "Visitor", Content: visitor},
			{Title: "Received by", Content: receiver + " at " + time.Now().Format(time.TimeOnly)},
		},
	}
	if c := (jsapi.ContactInfo{Name: b.Visitor.Name, Email: b.Visitor.Email, Phone: b.Visitor.Phone}); c.Name != "" {
		// The reference requires a contact's name: none is sent without.
		v.ContactInfo = &c
	}
	if b.Page.URL != "" {
		v.Page = &b.Page
	}
	return v
}
