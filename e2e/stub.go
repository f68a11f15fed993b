package e2e

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"

	"github.com/jivokit/jivokit/jsapi"
)

// StubCall is one call the page made on the stub widget, as
// window.jivokitStub.calls() records it (see docs/stub.md).
type StubCall struct {
	Method string            `json:"method"` // "setContactInfo", or "jivo_destroy" for a global
	Args   []json.RawMessage `json:"args"`   // JSON copies of the arguments; a function is "[function]"
	// Result is the stub's answer: the return value, or what an async
	// method passed to its callback (the value, for an err-first one).
	Result  json.RawMessage `json:"result"`
	Error   json.RawMessage `json:"error,omitempty"`   // what the method threw, or an err-first callback's err
	Pending bool            `json:"pending,omitempty"` // an async method whose callback has not been called yet
	Warning string          `json:"warning,omitempty"` // input the stub ignored, and why
}

// Arg decodes argument i into v, and reports whether there was one.
func (c StubCall) Arg(i int, v any) error {
	if i >= len(c.Args) {
		return fmt.Errorf("e2e: %s has %d argument(s), no argument %d", c.Method, len(c.Args), i)
	}
	return json.Unmarshal(c.Args[i], v)
}

// StubEvent is one callback the stub fired, as window.jivokitStub.events()
// records it.
type StubEvent struct {
	Callback string            `json:"callback"` // "jivo_onChangeState"
	Args     []json.RawMessage `json:"args"`
	Handled  bool              `json:"handled"` // the page had a function in the global
}

// AgentPanel is what the agent's side of the stub sees of the visitor, as
// window.jivokitStub.agentView() answers.
type AgentPanel struct {
	VisitorNumber    int                 `json:"visitorNumber"`
	ContactInfo      jsapi.ContactInfo   `json:"contactInfo"` // empty fields are ""
	CustomData       []jsapi.CustomField `json:"customData"`
	Token            string              `json:"token"`
	Invitation       *jsapi.Invitation   `json:"invitation"`
	ClientAttributes map[string]any      `json:"clientAttributes"`
	Color            string              `json:"color"`
	Color2           string              `json:"color2"`
	Accepted         bool                `json:"accepted"`
	Call             *StubCallState      `json:"call"`
	Messages         []StubMessage       `json:"messages"`
	PageTitle        *struct {
		Title   string `json:"title"`
		FromAPI bool   `json:"fromApi"`
		URL     string `json:"url"`
	} `json:"pageTitle"`
	OfflineMessages []json.RawMessage `json:"offlineMessages"`
	Rules           json.RawMessage   `json:"rules"`
}

// StubCallState is the phone call the agent sees.
type StubCallState struct {
	Phone  string `json:"phone"`
	Status string `json:"status"` // requested, started, ended or failed
	Reason string `json:"reason"`
}

// StubMessage is one chat message.
type StubMessage struct {
	From string `json:"from"` // visitor, agent or system
	Text string `json:"text"`
}

// stubExpr evaluates expr on the page's window.jivokitStub, or throws a
// clear error when the page has no stub.
func stubExpr(expr string) string {
	return `(() => { const s = window.jivokitStub; if (!s) throw new Error("the page has no stub widget (window.jivokitStub)"); return s.` + expr + `; })()`
}

// StubCalls returns every call the page made on the stub widget, oldest
// first.
func (p *Page) StubCalls() []StubCall {
	p.tb.Helper()
	return Eval[[]StubCall](p, stubExpr("calls()"))
}

// StubCallsOf returns the page's calls of one method, oldest first.
func (p *Page) StubCallsOf(method string) []StubCall {
	p.tb.Helper()
	var out []StubCall
	for _, c := range p.StubCalls() {
		if c.Method == method {
			out = append(out, c)
		}
	}
	return out
}

// StubEvents returns every callback the stub fired, oldest first.
func (p *Page) StubEvents() []StubEvent {
	p.tb.Helper()
	return Eval[[]StubEvent](p, stubExpr("events()"))
}

// AgentPanel returns what the agent sees of the visitor.
func (p *Page) AgentPanel() AgentPanel {
	p.tb.Helper()
	return Eval[AgentPanel](p, stubExpr("agentView()"))
}

// Stub calls a function of the stub's control API with JSON-encoded
// arguments, e.g. p.Stub("agentAccept") or p.Stub("callEnd", false, "busy");
// docs/stub.md lists them. It fails the test when the function is unknown
// or throws (most need the widget loaded: see WaitLoaded).
func (p *Page) Stub(control string, args ...any) {
	p.tb.Helper()
	b, err := json.Marshal(args)
	if err != nil {
		p.tb.Fatalf("e2e: jivokitStub.%s: encoding the arguments: %v", control, err)
	}
	if args == nil {
		b = []byte("[]")
	}
	name := strconv.Quote(control)
	p.Do(`(() => {
		const s = window.jivokitStub;
		if (!s) throw new Error("the page has no stub widget (window.jivokitStub)");
		const f = s[` + name + `];
		if (typeof f !== "function") throw new Error("jivokitStub has no function " + ` + name + `);
		f.apply(null, ` + string(b) + `);
	})()`)
}

// WaitLoaded waits until the stub widget has loaded (jivo_api exists and
// jivo_onLoadCallback has been called).
func (p *Page) WaitLoaded() {
	p.tb.Helper()
	p.WaitFor(`window.jivokitStub && window.jivokitStub.loaded()`)
}

// WaitState waits until the stub widget's window is in the state, e.g.
// jsapi.StateChat.
func (p *Page) WaitState(state jsapi.ChatState) {
	p.tb.Helper()
	p.WaitFor(`window.jivokitStub && window.jivokitStub.state() === ` + strconv.Quote(string(state)))
}

// WaitStubCalls waits until the page has made at least n calls on the stub
// and returns them all.
func (p *Page) WaitStubCalls(n int) []StubCall {
	p.tb.Helper()
	p.WaitFor(`window.jivokitStub && window.jivokitStub.calls().length >= ` + strconv.Itoa(n))
	return p.StubCalls()
}

// iframeNoise is the report every page with a strict Content-Security-Policy
// gets from the widget's iframe#jivo_container: its src is
// javascript:void(0), which such a policy refuses and which does nothing
// anyway (the vendor's widget and the stub alike). It never fails a test.
var iframeNoise = regexp.MustCompile(`^Running the JavaScript URL violates the following Content Security Policy directive`)

// StubLoader is how far the stub widget's loading got, as
// window.jivokitStub.loader() answers (see docs/stub.md).
type StubLoader struct {
	ID     string `json:"id"`     // the widget id
	SiteID int    `json:"siteId"` // stub.SiteID(ID), 0 for an invalid id
	Step   string `json:"step"`   // "config", "waiting for the load event", "loaded", "stopped", ...
	// Reason is why it never loads: "invalid-id", "stop-words", a
	// stub.Failure, ...; empty while it loads or has loaded.
	Reason string         `json:"reason"`
	Mode   string         `json:"mode"` // "handler" (stub.Handler answers) or "page" (made in the page)
	Tries  map[string]int `json:"tries"`
}

// StubLoader returns the stub widget's loading state.
func (p *Page) StubLoader() StubLoader {
	p.tb.Helper()
	return Eval[StubLoader](p, stubExpr("loader()"))
}
