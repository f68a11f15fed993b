package webhook_test

import (
	"context"
	"encoding/json"
	"log/slog"
	"testing"

	"github.com/jivokit/jivokit/jsapi"
	"github.com/jivokit/jivokit/templates"
	"github.com/jivokit/jivokit/webhook"
	"github.com/jivokit/jivokit/webhook/webhooktest"
)

// TestSafeHostsAsTheSnippet checks that the webhook handler and the
// snippet (package templates) take the same safe-host lists and let the
// same links through: both are jsapi.SafeHosts.
func TestSafeHostsAsTheSnippet(t *testing.T) {
	lists := [][]string{
		{"example.com"},
		{"Example.COM."},
		{"example.com", "crm.example.org"},
		{"localhost"},
		{"xn--e1afmkfd.xn--p1ai"},
		{"127.0.0.1"},
		// refused
		{},
		{""},
		{".example.com"},
		{"*.example.com"},
		{"exa_mple.com"},
		{" example.com"},
		{"example.com:8080"},
		{"https://example.com"},
		{"example.com/path"},
		{"com"},
		{"example.com", "*.example.org"},
	}
	links := []string{
		"https://example.com/a",
		"http://EXAMPLE.com:8080/a",
		"https://shop.example.com/a",
		"https://crm.example.org/deal/7",
		"https://example.org/",
		"https://evilexample.com/",
		"https://example.com.evil.net/",
		"https://example.com@evil.net/",
		"http://localhost:8090/x",
		"https://xn--e1afmkfd.xn--p1ai/",
		"http://127.0.0.1/",
		"javascript:alert(1)//example.com",
		"//example.com/a",
	}
	for _, hosts := range lists {
		_, listErr := jsapi.NewSafeHosts(hosts...)
		if len(hosts) == 0 {
			listErr = errNoHosts
		}
		h, hookErr := webhook.New(webhook.Funcs{
			ChatAccepted: func(_ context.Context, e *webhook.ChatAccepted) (*webhook.AgentView, error) {
				raw, _ := e.Field("test_link")
				var link string
				if err := json.Unmarshal(raw, &link); err != nil {
					return nil, err
				}
				return &webhook.AgentView{CustomData: []jsapi.CustomField{{Title: "t", Link: link}}}, nil
			},
		}, webhook.WithSafeHosts(hosts...), webhook.WithLogger(slog.New(slog.DiscardHandler)))
		w, tmplErr := templates.NewWidget("Abc1234567", templates.WithSafeHosts(hosts...))
		if (hookErr == nil) != (listErr == nil) || (tmplErr == nil) != (listErr == nil) {
			t.Errorf("hosts %q: jsapi.NewSafeHosts: %v\nwebhook.WithSafeHosts: %v\ntemplates.WithSafeHosts: %v", hosts, listErr, hookErr, tmplErr)
			continue
		}
		if listErr != nil {
			continue
		}
		list, _ := jsapi.NewSafeHosts(hosts...)
		for _, link := range links {
			want := list.Allows(link) == nil
			body, err := webhooktest.Set(webhooktest.Payload(t, webhook.NameChatAccepted), "test_link", link)
			if err != nil {
				t.Fatal(err)
			}
			rep := webhooktest.Post(t, h, body)
			hookKept := len(rep.CustomData) == 1 && rep.CustomData[0].Link == link
			cfg, _ := w.Config(templates.Visitor{Config: jsapi.PageConfig{CustomData: []jsapi.CustomField{{Title: "t", Link: link}}}})
			tmplKept := len(cfg.CustomData) == 1 && cfg.CustomData[0].Link == link
			if hookKept != want || tmplKept != want {
				t.Errorf("hosts %q, link %q: SafeHosts allows %v, webhook kept %v, templates kept %v", hosts, link, want, hookKept, tmplKept)
			}
		}
	}
}

var errNoHosts = webhook.Error("no hosts")
