// Package webhook receives JivoChat webhooks: typed events, a tolerant
// decoder, and an http.Handler that calls one function per event and writes
// the reply the vendor expects.
//
//	h, err := webhook.New(webhook.Funcs{
//		ChatAccepted: func(ctx context.Context, e *webhook.ChatAccepted) (*webhook.AgentView, error) {
//			if !e.Identity.Verified() {
//				return nil, nil // show the agent nothing about an unproven visitor
//			}
//			c, err := crm.Customer(ctx, e.Identity.VisitorID)
//			if err != nil {
//				return nil, err // sent as the reply's result; the agent sees nothing
//			}
//			return &webhook.AgentView{
//				CustomData: []jsapi.CustomField{{Title: "Plan", Content: c.Plan}},
//				CRMLink:    c.URL,
//			}, nil
//		},
//		ChatFinished: func(ctx context.Context, e *webhook.ChatFinished) error {
//			return archive.Save(ctx, e.ChatID, e.Chat.Messages)
//		},
//	},
//		webhook.WithPath("/jivo/webhook/"+secret), // the vendor signs nothing: keep the URL secret
//		webhook.WithSigner(signer),                 // verify user_token (see package usertoken)
//		webhook.WithSafeHosts("crm.example.com"),   // links the agent may be shown
//	)
//	http.Handle("/jivo/webhook/", h)
//
// Events: CallEvent, ChatAccepted, ChatAssigned, ChatFinished, ChatUpdated,
// OfflineMessage (sent as offline_message or offline_messages),
// ClientUpdated and ClientAttributeUpdated; the CRM webhooks, one type per
// entity with the action as a field (CRMDealEvent, CRMTaskEvent, ...; see
// CRMEntity); any other event_name arrives at Funcs.Other as *Unknown. Ids
// the vendor sends as strings or numbers are
// ID values; every event keeps the body it came from in Raw, so fields this
// package does not know stay reachable.
//
// The Handler takes POST requests with a JSON body (whatever their
// Content-Type) of at most 8 MiB (see
// WithMaxBodySize), calls the function with a deadline (WithTimeout), and
// answers {"result":"ok"}, the function's error text in result, or for
// chat_accepted and chat_updated the AgentView. Bad requests get a 4xx JSON
// error (its text in result, which the vendor reads), a panicking function
// a 500; see Handler for the list. CRM events are answered like the chat
// events that show the agent nothing.
//
// The handler logs errors, refused requests (with their reason and the
// peer's address) and slow functions through log/slog: WithLogger, by
// default slog.Default(). WithErrorHandler is a callback for code that acts on
// those same errors; it does not replace the log.
//
// A function that could not keep its event returns an error wrapping
// ErrUnavailable: the reply is then 503, and the sender may send the event
// again.
//
// Beside this package: webhooktest builds realistic events and posts them
// to a handler in tests; samples holds a payload of every event; eventlog
// records the events a Handler receives (JSON lines, a terminal view),
// as `jivokit webhook listen` does.
package webhook
