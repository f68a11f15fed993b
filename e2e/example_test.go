package e2e_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/jivokit/jivokit/e2e"
	"github.com/jivokit/jivokit/jsapi"
	"github.com/jivokit/jivokit/stub"
)

// chatSite is a site with a chat button, on the stub widget: its page loads
// stub.Path (with templates/stubwidget, or by hand as here).
func chatSite() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/jivokit/", stub.Handler())
	mux.HandleFunc("/{$}", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`<!doctype html><link rel="icon" href="data:,">
			<button id="help" onclick="jivo_api.open()">Help</button>
			<script src="/jivokit/stub.js" data-load-delay="20"></script>`))
	})
	return mux
}

// testChatButton is an end-to-end test: in your project, name it
// TestChatButton.
func testChatButton(t *testing.T) {
	srv := httptest.NewServer(chatSite())
	defer srv.Close()

	p := e2e.NewBrowser(t).Open(t, srv.URL)
	p.WaitLoaded()
	p.Click("#help")
	p.WaitState(jsapi.StateChat)
	p.Stub("agentMessage", "Hello! How can I help?")
	if calls := p.StubCallsOf("open"); len(calls) != 1 {
		t.Errorf("open was called %d times, want once", len(calls))
	}
	if view := p.AgentPanel(); len(view.Messages) != 1 || view.Messages[0].From != "agent" {
		t.Errorf("the agent sees the messages %+v", view.Messages)
	}
}

// The test runs in the test process's headless Chromium, in a tab of its
// own; a console error on the page would fail it.
func Example() {
	// func TestChatButton(t *testing.T) { ... as testChatButton above ... }
}
