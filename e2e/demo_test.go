package e2e_test

import (
	"context"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/jivokit/jivokit/e2e"
	"github.com/jivokit/jivokit/internal/cli/demo"
	"github.com/jivokit/jivokit/jsapi"
)

// TestDemo opens `jivokit demo` in Chromium: the example app starts, its
// buttons drive the stub, the agent's buttons reach Go, a sample webhook
// shows in the log, and nothing is logged as an error.
func TestDemo(t *testing.T) {
	b := e2e.NewBrowser(t)
	base := startDemo(t)

	p := b.Open(t, base+"/")
	p.WaitFor(`document.documentElement.dataset.jivokitExample === "ready"`)
	p.WaitLoaded()
	// The server-rendered configuration reached the widget.
	p.WaitFor(`jivokitStub.agentView().token !== null && jivokitStub.agentView().invitation !== null`)
	if v := p.AgentPanel(); v.ContactInfo.Name != "Ada Lovelace" || len(v.CustomData) != 2 {
		t.Errorf("the agent sees %+v", v)
	}

	p.Click(`button[data-method="chatMode"]`)
	p.WaitFor(`document.querySelector('#jivokit-log li[data-kind="result"][data-name="chatMode"]')`)
	p.Click(`button[data-method="close"]`)
	p.WaitState(jsapi.StateLabel)
	p.Click(`button[data-method="open"]`)
	p.WaitState(jsapi.StateChat)

	p.Click(`button[data-stub="agentAccept"]`)
	p.WaitFor(`document.querySelector('#jivokit-log li[data-kind="callback"][data-name="jivo_onAccept"]')`)
	p.Click(`button[data-stub="agentMessage"]`)
	p.WaitFor(`document.querySelector('#jivokit-log li[data-kind="callback"][data-name="jivo_onMessageReceived"]')`)

	p.Click(`#webhook-send button[type="submit"]`)
	p.WaitFor(`document.querySelector('#webhook-log li[data-event="call_event"]')`)
	if got := p.Text("#webhook-reply"); !strings.Contains(got, "reply ok") {
		t.Errorf("the webhook reply shows %q", got)
	}
}

// startDemo serves the demo on a free port of 127.0.0.1 until the test ends
// and returns its base URL.
func startDemo(t *testing.T) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	s, err := demo.New(ctx, demo.Config{BuildDir: t.TempDir()})
	if err != nil {
		cancel()
		ln.Close()
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("demo: Serve: %v", err)
			}
		case <-time.After(30 * time.Second):
			t.Error("demo: still serving 30s after the test ended")
		}
	})
	return "http://" + ln.Addr().String()
}
