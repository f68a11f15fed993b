package webhook_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http/httptest"
	"time"

	"github.com/jivokit/jivokit/jsapi"
	"github.com/jivokit/jivokit/usertoken"
	"github.com/jivokit/jivokit/webhook"
	"github.com/jivokit/jivokit/webhook/samples"
)

// post sends body to h as the vendor would and prints the reply.
func post(h *webhook.Handler, target string, body []byte) {
	r := httptest.NewRequest("POST", target, bytes.NewReader(body))
	r.Header.Set("Content-Type", "application/json")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	fmt.Println(w.Code, w.Body.String())
}

func sample(name webhook.Name) []byte {
	b, err := samples.Payload(name)
	if err != nil {
		panic(err)
	}
	return b
}

// quiet keeps the errors these examples provoke out of their output: a
// Handler logs what it refuses, drops or sees fail through slog.Default()
// unless given WithLogger; a server keeps those logs.
var quiet = webhook.WithLogger(slog.New(slog.DiscardHandler))

func ExampleNew() {
	h, err := webhook.New(webhook.Funcs{
		ChatAccepted: func(ctx context.Context, e *webhook.ChatAccepted) (*webhook.AgentView, error) {
			return &webhook.AgentView{
				CustomData: []jsapi.CustomField{{Title: "Visitor", Content: "#" + string(e.Visitor.Number)}},
			}, nil
		},
		ChatFinished: func(ctx context.Context, e *webhook.ChatFinished) error {
			return fmt.Errorf("archive unavailable")
		},
	}, quiet)
	if err != nil {
		fmt.Println(err)
		return
	}
	post(h, "/", sample(webhook.NameChatAccepted))
	post(h, "/", sample(webhook.NameChatFinished))
	post(h, "/", sample(webhook.NameCallEvent)) // no function: ok
	post(h, "/", []byte(`{"chat_id": 1}`))
	// Output:
	// 200 {"result":"ok","custom_data":[{"title":"Visitor","content":"#2846"}]}
	// 200 {"result":"archive unavailable"}
	// 200 {"result":"ok"}
	// 400 {"result":"webhook: no event_name","error":"webhook: no event_name"}
}

func ExampleWithPath() {
	const secretPath = "/jivo/webhook/Zk3t9qLm2Xw8Rb4Ny7Pc1Vd6Hs5Jg0Fa"
	h, _ := webhook.New(webhook.Funcs{}, webhook.WithPath(secretPath), quiet)
	post(h, secretPath, sample(webhook.NameChatFinished))
	post(h, "/jivo/webhook/guess", sample(webhook.NameChatFinished))
	// Output:
	// 200 {"result":"ok"}
	// 404 {"result":"webhook: not found","error":"webhook: not found"}
}

func ExampleWithSigner() {
	signer, _ := usertoken.NewSigner([]byte("an example secret of 32 bytes!!!"))
	h, _ := webhook.New(webhook.Funcs{
		ChatUpdated: func(ctx context.Context, e *webhook.ChatUpdated) (*webhook.AgentView, error) {
			if e.Identity.Verified() {
				fmt.Println("verified visitor", e.Identity.VisitorID)
			} else {
				fmt.Println("not verified:", e.Identity.Err)
			}
			return nil, nil
		},
	}, webhook.WithSigner(signer))

	token, _ := signer.Issue("customer-42", time.Hour) // given to setUserToken on the page
	for _, t := range []string{token, "customer-42"} {
		body := bytes.Replace(sample(webhook.NameChatUpdated), []byte(`"chat_id"`), []byte(`"user_token":"`+t+`","chat_id"`), 1)
		post(h, "/", body)
	}
	// Output:
	// verified visitor customer-42
	// 200 {"result":"ok"}
	// not verified: webhook: user_token not verified: usertoken: malformed token: does not start with "v1."
	// 200 {"result":"ok"}
}

func ExampleWithSafeHosts() {
	h, _ := webhook.New(webhook.Funcs{
		ChatAccepted: func(context.Context, *webhook.ChatAccepted) (*webhook.AgentView, error) {
			return &webhook.AgentView{
				CustomData: []jsapi.CustomField{
					{Title: "Orders", Link: "https://crm.example.com/orders"},
					{Title: "Phish", Link: "https://example.net/login"},
				},
				CRMLink: "javascript:alert(1)",
			}, nil
		},
	}, webhook.WithSafeHosts("example.com"), webhook.WithErrorHandler(func(_ context.Context, err error) {
		fmt.Println("reported:", err)
	}), quiet)
	post(h, "/", sample(webhook.NameChatAccepted))
	// Output:
	// reported: webhook: link dropped from reply: custom_data[1].link: jivo: link host "example.net" is not a safe host
	// reported: webhook: link dropped from reply: crm_link: jivo: link is not an http(s) link to a safe host
	// 200 {"result":"ok","custom_data":[{"title":"Orders","link":"https://crm.example.com/orders"},{"title":"Phish"}]}
}

func ExampleWithMaxBodySize() {
	h, _ := webhook.New(webhook.Funcs{}, webhook.WithMaxBodySize(64), quiet)
	post(h, "/", sample(webhook.NameChatAccepted))
	// Output: 413 {"result":"webhook: body too large: 1082 bytes, the limit is 64","error":"webhook: body too large: 1082 bytes, the limit is 64"}
}

func ExampleWithTimeout() {
	h, _ := webhook.New(webhook.Funcs{
		ChatFinished: func(ctx context.Context, e *webhook.ChatFinished) error {
			<-ctx.Done() // a function that waits on something slow
			return ctx.Err()
		},
	}, webhook.WithTimeout(10*time.Millisecond), quiet)
	post(h, "/", sample(webhook.NameChatFinished))
	// Output: 200 {"result":"context deadline exceeded"}
}

// A function that could not keep its event says so with ErrUnavailable:
// the reply is 503, and the sender may send the event again.
func ExampleErrUnavailable() {
	h, _ := webhook.New(webhook.Funcs{
		ChatFinished: func(ctx context.Context, e *webhook.ChatFinished) error {
			return fmt.Errorf("archive: %w: the database is down", webhook.ErrUnavailable)
		},
	}, quiet)
	post(h, "/", sample(webhook.NameChatFinished))
	// Output: 503 {"result":"archive: webhook: unavailable: the database is down"}
}

func ExampleWithErrorHandler() {
	h, _ := webhook.New(webhook.Funcs{}, webhook.WithErrorHandler(func(_ context.Context, err error) {
		fmt.Println("reported:", err)
	}), quiet)
	r := httptest.NewRequest("GET", "/", nil)
	h.ServeHTTP(httptest.NewRecorder(), r)
	// Output: reported: webhook: method not allowed: GET; use POST
}

func ExampleDecode() {
	ev, err := webhook.Decode([]byte(`{"event_name":"offline_messages","offline_message_id":3999,"message":"Call me","visitor":{"number":"2846"},"new_field":1}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	switch e := ev.(type) {
	case *webhook.OfflineMessage:
		extra, _ := e.Field("new_field")
		fmt.Println(e.Name(), e.OfflineMessageID, e.Message, e.Visitor.Number, string(extra))
	}
	// Output: offline_message 3999 Call me 2846 1
}

func ExampleID_Int64() {
	n, ok := webhook.ID("2224").Int64()
	fmt.Println(n, ok)
	// Output: 2224 true
}

func ExampleBase_Field() {
	ev, _ := webhook.Decode([]byte(`{"event_name":"chat_updated","priority":{"level":2}}`))
	raw, ok := ev.Header().Field("priority")
	fmt.Println(string(raw), ok)
	// Output: {"level":2} true
}

func ExampleReply_OK() {
	r := webhook.Reply{Result: "OK"}
	fmt.Println(r.OK())
	// Output: true
}

// A CRM webhook: one function per entity, the action in the event, the
// entity's own fields in its Raw.
func Example_crm() {
	h, _ := webhook.New(webhook.Funcs{
		CRMDeal: func(_ context.Context, e *webhook.CRMDealEvent) error {
			var deal struct {
				Amount   int64  `json:"amount"`
				Currency string `json:"currency"`
			}
			if err := json.Unmarshal(e.Deal.Raw, &deal); err != nil {
				return err
			}
			fmt.Printf("%s deal #%s: %q, %d %q\n", e.Action, e.Deal.ID, e.Deal.Title, deal.Amount, deal.Currency)
			return nil
		},
	})
	post(h, "/", sample("created_deal"))
	post(h, "/", sample("deleted_deal"))
	// Output:
	// created deal #1042: "Website redesign", 150000 "USD"
	// 200 {"result":"ok"}
	// deleted deal #1042: "", 0 ""
	// 200 {"result":"ok"}
}
