package e2e_test

import (
	"strings"
	"testing"

	"github.com/jivokit/jivokit/e2e"
	"github.com/jivokit/jivokit/internal/demo"
	"github.com/jivokit/jivokit/jsapi"
)

// TestDemo opens `jivokit demo` in Chromium: the example app starts, its
// buttons drive the stub, the agent's buttons reach Go, a sample webhook
// shows in the log, and nothing is logged as an error.
func TestDemo(t *testing.T) {
	b := e2e.NewBrowser(t)
	_, base := demo.StartTest(t, demo.Config{})

	p := b.Open(t, base+"/")
	p.WaitFor(`document.documentElement.dataset.jivokitExample === "ready"`)
	p.WaitLoaded()
	// The server-rendered configuration reached the widget.
	p.WaitFor(`jivokitStub.agentView().token !== null && jivokitStub.agentView().invitation !== null`)
	if v := p.AgentView(); v.ContactInfo.Name != "Ada Lovelace" || len(v.CustomData) != 2 {
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
