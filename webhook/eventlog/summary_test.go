package eventlog_test

import (
	"testing"

	"github.com/jivokit/jivokit/webhook"
	"github.com/jivokit/jivokit/webhook/eventlog"
	"github.com/jivokit/jivokit/webhook/webhooktest"
)

func TestSummaryCRM(t *testing.T) {
	ev, _ := webhook.Decode(webhooktest.Payload(t, "created_deal"))
	if got := eventlog.Summary(ev); got != "created_deal · deal #1042 Website redesign" {
		t.Fatalf("Summary = %q", got)
	}
}
