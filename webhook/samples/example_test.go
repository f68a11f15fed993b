package samples_test

import (
	"fmt"

	"github.com/jivokit/jivokit/webhook"
	"github.com/jivokit/jivokit/webhook/samples"
)

func ExamplePayload() {
	body, _ := samples.Payload(webhook.NameChatAccepted)
	ev, _ := webhook.Decode(body)
	e := ev.(*webhook.ChatAccepted)
	fmt.Println(e.ChatID, e.Visitor.Name, e.Agent.Name, e.Session.UTMJSON.Source)
	// Output: 3537 John Smith Thomas Anderson google
}

func ExampleNames() {
	fmt.Println(samples.Names())
	fmt.Println(len(samples.CRMNames()), "CRM events, such as", samples.CRMNames()[0])
	// Output:
	// [call_event chat_accepted chat_assigned chat_finished chat_updated offline_message client_updated client_attribute_updated]
	// 26 CRM events, such as created_pipeline
}
