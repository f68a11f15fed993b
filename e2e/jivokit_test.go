package e2e_test

import (
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/jivokit/jivokit/e2e"
	"github.com/jivokit/jivokit/jsapi"
)

// goResult is what the driver app recorded for one call made from Go.
type goResult struct {
	Name                string `json:"name"`
	OK                  bool   `json:"ok"`
	Value               string `json:"value"` // the Go value, as JSON
	Error               string `json:"error"`
	Method              string `json:"method"`
	Reason              string `json:"reason"`
	CallbackDisabled    bool   `json:"callbackDisabled"`
	CallbackUnavailable bool   `json:"callbackUnavailable"`
}

// goEvent is what a Go listener of the driver app recorded.
type goEvent struct {
	Callback string `json:"callback"` // "OnChangeState", or "panic"
	Listener int    `json:"listener"`
	Arg      string `json:"arg"`
}

// openDriver opens a test page and waits until the driver app listens.
func openDriver(t *testing.T, s *site, query string, opts ...e2e.Option) *e2e.Page {
	t.Helper()
	p := e2e.NewBrowser(t).Open(t, s.URL+"/page?"+query, opts...)
	p.WaitFor(`document.documentElement.dataset.driver === "ready"`)
	return p
}

// goCall makes the driver call a method from Go and returns its result.
func goCall(t *testing.T, p *e2e.Page, name string) goResult {
	t.Helper()
	n := e2e.Eval[int](p, `goResults.length`)
	p.Do(`goCall(` + strconv.Quote(name) + `)`)
	p.WaitFor(`goResults.length > ` + strconv.Itoa(n))
	return e2e.Eval[goResult](p, `goResults[`+strconv.Itoa(n)+`]`)
}

// waitEvents waits until Go listeners recorded n events of the callback
// and returns them.
func waitEvents(t *testing.T, p *e2e.Page, callback string, n int) []goEvent {
	t.Helper()
	filter := `goEvents.filter((e) => e.callback === ` + strconv.Quote(callback) + `)`
	p.WaitFor(filter + `.length >= ` + strconv.Itoa(n))
	return e2e.Eval[[]goEvent](p, filter)
}

// sameJSON reports whether two JSON texts hold the same value.
func sameJSON(t *testing.T, a, b string) bool {
	t.Helper()
	var va, vb any
	if err := json.Unmarshal([]byte(a), &va); err != nil {
		t.Fatalf("%s: %v", a, err)
	}
	if err := json.Unmarshal([]byte(b), &vb); err != nil {
		t.Fatalf("%s: %v", b, err)
	}
	return reflect.DeepEqual(va, vb)
}

func argsJSON(c e2e.StubCall) string {
	b, _ := json.Marshal(c.Args)
	return string(b)
}

// TestEveryMethod calls every jivo_api method from Go and checks what the
// stub widget received and what came back to Go, failures included.
func TestEveryMethod(t *testing.T) {
	s := newSite(t, driver)
	p := openDriver(t, s, "utm_source=e2e&utm_campaign=spring")
	p.WaitLoaded()

	// The reasons the widget sends, spelled as jsapi's sentinels spell them.
	disabled, unavailable := jsapi.ErrCallbackDisabled.Reason, jsapi.ErrCallbackUnavailable.Reason
	steps := []struct {
		call      string // a method the driver calls from Go
		stub      []any  // or: a control of the stub, with its arguments
		wantArgs  string // JSON of the arguments the widget received
		wantValue string // JSON of the Go value; "" for none
		wantFail  string // the widget's reason, for a failure
	}{
		{call: "chatMode", wantArgs: `[]`, wantValue: `"online"`},
		{stub: []any{"setOnline", false}},
		{call: "chatMode", wantArgs: `[]`, wantValue: `"offline"`},
		{call: "setContactInfo", wantArgs: `[{"name":"Ann Lee","email":"ann@example.com","phone":"+14084987855","description":"VIP"}]`},
		{call: "getContactInfo", wantArgs: `[]`, wantValue: `{"name":"Ann Lee","email":"ann@example.com","phone":"+14084987855","description":"VIP"}`},
		{call: "getVisitorNumber", wantArgs: `["[function]"]`, wantValue: `1`},
		{call: "setCustomData", wantArgs: `[[{"title":"Plan","content":"Pro","link":"https://example.com/a/1"},{"key":"Orders","content":"3"}]]`},
		{call: "setRules", wantArgs: `[{"rules":[{"name":"greet","delay":5}]}]`},
		{call: "setUserToken", wantArgs: `["visitor-token-1"]`},
		{call: "showProactiveInvitation", wantArgs: `["Need help?",3]`},
		{call: "setWidgetColor", wantArgs: `["#1e88e5","#43a047"]`},
		{call: "sendPageTitle", wantArgs: `["Checkout",true,"https://example.com/checkout"]`},
		{call: "setClientAttributes", wantArgs: `[{"1":"gold","2":42}]`},
		{call: "getUtm", wantArgs: `[]`, wantValue: `{"source":"e2e","campaign":"spring"}`},
		{call: "sendOfflineMessage", wantArgs: `[{"name":"Ann","email":"ann@example.com","message":"Call me back"}]`},
		{call: "isCallbackEnabled", wantArgs: `["[function]"]`},
		{call: "startCall", wantArgs: `["+14084987855"]`},
		{call: "startCall", wantArgs: `["+14084987855"]`, wantFail: unavailable},
		{call: "isCallbackEnabled", wantArgs: `["[function]"]`, wantFail: unavailable},
		{stub: []any{"callEnd", true}},
		{stub: []any{"setCallbacksEnabled", false}},
		{call: "isCallbackEnabled", wantArgs: `["[function]"]`, wantFail: disabled},
		{call: "startCall", wantArgs: `["+14084987855"]`, wantFail: disabled},
		{call: "close", wantArgs: `[]`},
		{call: "open", wantArgs: `[{"start":"call"}]`},
		{stub: []any{"agentMessage", "Are you there?"}},
		{call: "getUnreadMessagesCount", wantArgs: `[]`, wantValue: `0`},
		{call: "close", wantArgs: `[]`},
		{stub: []any{"agentMessage", "Hello?"}},
		{call: "getUnreadMessagesCount", wantArgs: `[]`, wantValue: `1`},
		{call: "clearHistory", wantArgs: `[]`},
		{call: "getVisitorNumber", wantArgs: `["[function]"]`, wantValue: `2`},
		{call: "jivo_destroy", wantArgs: `[]`},
		{call: "jivo_init", wantArgs: `[]`},
	}
	covered := map[string]bool{}
	for i, st := range steps {
		if st.stub != nil {
			p.Stub(st.stub[0].(string), st.stub[1:]...)
			continue
		}
		covered[st.call] = true
		before := len(p.StubCalls())
		got := goCall(t, p, st.call)
		where := "step " + strconv.Itoa(i) + ": " + st.call
		calls := p.StubCalls()
		if len(calls) != before+1 {
			t.Errorf("%s: the widget got %d calls, want 1", where, len(calls)-before)
			continue
		}
		c := calls[before]
		if c.Method != st.call || !sameJSON(t, argsJSON(c), st.wantArgs) {
			t.Errorf("%s: the widget got %s(%s), want %s(%s)", where, c.Method, argsJSON(c), st.call, st.wantArgs)
		}
		switch {
		case st.wantFail != "":
			if got.OK || got.Reason != st.wantFail || got.Method != st.call {
				t.Errorf("%s: Go got %+v, want a *jsapi.WidgetError for %s with reason %q", where, got, st.call, st.wantFail)
			}
			if got.CallbackDisabled != (st.wantFail == disabled) || got.CallbackUnavailable != (st.wantFail == unavailable) {
				t.Errorf("%s: errors.Is with the sentinels: %+v", where, got)
			}
		case !got.OK:
			t.Errorf("%s: Go got the error %q", where, got.Error)
		case st.wantValue == "" && got.Value != "":
			t.Errorf("%s: Go got the value %s, want none", where, got.Value)
		case st.wantValue != "" && (got.Value == "" || !sameJSON(t, got.Value, st.wantValue)):
			t.Errorf("%s: Go got %s, want %s", where, got.Value, st.wantValue)
		}
	}
	p.WaitLoaded() // jivo_init loads the widget again
	for _, m := range jsapi.Methods() {
		if !covered[m.Name] {
			t.Errorf("method %s is not called by this test", m.Name)
		}
	}
}

// TestCallbacks plays every callback on the stub and checks that the Go
// listeners get them, two listeners of one callback and the page's own
// jivo_onChangeState included.
func TestCallbacks(t *testing.T) {
	s := newSite(t, driver)
	p := openDriver(t, s, "never-load") // so that Go listens before the load
	p.Stub("load")
	waitEvents(t, p, "OnLoad", 1)

	p.Stub("agentAccept")
	if got := waitEvents(t, p, "OnAccept", 2); got[0].Listener+got[1].Listener != 3 {
		t.Errorf("jivo_onAccept reached the listeners %+v, want 1 and 2", got)
	}
	p.Stub("visitorMessage", "Hi, I have a question")
	waitEvents(t, p, "OnOpen", 1)
	waitEvents(t, p, "OnClientStartChat", 1)
	waitEvents(t, p, "OnMessageSent", 1)
	states := waitEvents(t, p, "OnChangeState", 2)
	for _, e := range states {
		if e.Arg != string(jsapi.StateChat) {
			t.Errorf("jivo_onChangeState gave %+v, want chat", e)
		}
	}
	p.Stub("agentMessage", "Hello! How can I help?")
	waitEvents(t, p, "OnMessageReceived", 1)
	p.Stub("visitorIntroduce", map[string]string{"name": "Ann", "email": "ann@example.com"})
	waitEvents(t, p, "OnIntroduction", 1)
	p.Stub("callStart")
	waitEvents(t, p, "OnCallStart", 1)
	p.Stub("callEnd", true)
	p.Stub("callEnd", false, "busy")
	if got := waitEvents(t, p, "OnCallEnd", 2); got[0].Arg != "ok" || got[1].Arg != "fail: busy" {
		t.Errorf("jivo_onCallEnd gave %+v, want ok then fail: busy", got)
	}
	p.Stub("resize")
	waitEvents(t, p, "OnResize", 1)
	if r := goCall(t, p, "close"); !r.OK {
		t.Fatalf("close: %+v", r)
	}
	waitEvents(t, p, "OnClose", 1)
	states = waitEvents(t, p, "OnChangeState", 4)
	if states[2].Arg != "label" || states[3].Arg != "label" {
		t.Errorf("after close, jivo_onChangeState gave %+v", states[2:])
	}
	if got := e2e.Eval[[]string](p, "window.pageStates"); strings.Join(got, " ") != "chat label" {
		t.Errorf("the page's own jivo_onChangeState got %q, want [chat label]", got)
	}
	if r := goCall(t, p, "jivo_destroy"); !r.OK {
		t.Fatalf("jivo_destroy: %+v", r)
	}
	waitEvents(t, p, "OnWidgetDestroy", 1)
	if r := goCall(t, p, "jivo_init"); !r.OK {
		t.Fatalf("jivo_init: %+v", r)
	}
	waitEvents(t, p, "OnLoad", 2)

	for _, cb := range jsapi.Callbacks() {
		name := cb.GoName
		if n := e2e.Eval[int](p, `goEvents.filter((e) => e.callback === `+strconv.Quote(name)+`).length`); n == 0 {
			t.Errorf("no Go listener got %s", cb.Name)
		}
	}
}

// TestCallsBeforeLoad: calls Go makes before the widget loads wait in the
// runtime's queue and reach the widget in order, after the server-rendered
// configuration and before the invitation, and their answers reach Go. The
// widget loads when the test says so, or on its own after a load delay.
func TestCallsBeforeLoad(t *testing.T) {
	for _, tc := range []struct{ name, query string }{
		{"explicit load", "early&never-load&config"},
		{"load delay", "early&delay=3000&config"}, // time enough for the app to start
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newSite(t, driver)
			p := openDriver(t, s, tc.query)
			if e2e.Eval[bool](p, "jivokitStub.loaded()") {
				t.Log("the widget loaded before the test could look; checking the order only")
			} else {
				if got := e2e.Eval[int](p, "goResults.length"); got != 0 {
					t.Fatalf("%d calls answered before the widget loaded", got)
				}
				if calls := p.StubCalls(); len(calls) != 0 {
					t.Fatalf("the widget got calls before it loaded: %+v", calls)
				}
			}
			if strings.Contains(tc.query, "never-load") {
				p.Stub("load")
			}
			p.WaitFor("goResults.length === 5")
			results := e2e.Eval[[]goResult](p, "goResults")
			byName := map[string]goResult{}
			for _, r := range results {
				byName[r.Name] = r
				if !r.OK {
					t.Errorf("%s: %s", r.Name, r.Error)
				}
			}
			if v := byName["getVisitorNumber"].Value; v != "1" {
				t.Errorf("getVisitorNumber gave %q, want 1", v)
			}
			var got []string
			for _, c := range p.StubCalls() {
				got = append(got, c.Method)
			}
			want := "setUserToken setContactInfo setCustomData setWidgetColor " + // the configuration
				"setContactInfo setCustomData sendPageTitle getVisitorNumber open " + // Go's calls, in order
				"showProactiveInvitation" // the invitation, last
			if strings.Join(got, " ") != want {
				t.Errorf("the widget got\n%s\nwant\n%s", strings.Join(got, " "), want)
			}
		})
	}
}

// TestServerRenderedConfig: the configuration the server renders reaches the
// widget on load and shows in the stub's agent panel; the token verifies.
func TestServerRenderedConfig(t *testing.T) {
	s := newSite(t, driver)
	p := openDriver(t, s, "config")
	p.WaitLoaded()
	p.WaitFor(`jivokitStub.agentView().invitation !== null`)
	view := p.AgentPanel()
	claims, err := s.signer.Verify(view.Token)
	if err != nil || claims.VisitorID != visitorID {
		t.Errorf("token %q: %+v, %v", view.Token, claims, err)
	}
	if ci := visitorConfig.ContactInfo; view.ContactInfo.Name != ci.Name || view.ContactInfo.Email != ci.Email || view.ContactInfo.Phone != ci.Phone {
		t.Errorf("contact info %+v, want %+v", view.ContactInfo, ci)
	}
	if len(view.CustomData) != 1 || view.CustomData[0] != visitorConfig.CustomData[0] {
		t.Errorf("custom data %+v, want %+v", view.CustomData, visitorConfig.CustomData)
	}
	if view.Invitation == nil || *view.Invitation != *visitorConfig.Invitation {
		t.Errorf("invitation %+v, want %+v", view.Invitation, visitorConfig.Invitation)
	}
	if view.Color != visitorConfig.WidgetColor.Color {
		t.Errorf("colour %q", view.Color)
	}
	panel := p.Text("#jivokit-stub .jks-agent")
	for _, want := range []string{"Ann Lee", "ann@example.com", "Plan", "Pro", "Need help with your order?", view.Token} {
		if !strings.Contains(panel, want) {
			t.Errorf("the agent panel does not show %q:\n%s", want, panel)
		}
	}
}

// TestListenerPanic: a Go listener that panics is reported (one expected
// console error) and the page keeps working: the other listeners, later
// callbacks and calls.
func TestListenerPanic(t *testing.T) {
	s := newSite(t, driver)
	p := openDriver(t, s, "", e2e.WithAllowedConsole(`listener of jivo_onAccept panicked`))
	p.WaitLoaded()
	p.Do("window.goPanic = true")
	p.Stub("agentAccept")
	waitEvents(t, p, "panic", 1)
	if got := waitEvents(t, p, "OnAccept", 1); got[0].Listener != 1 {
		t.Errorf("jivo_onAccept reached %+v", got)
	}
	var reported bool
	for _, m := range p.Console() {
		reported = reported || (m.Type == "error" && strings.Contains(m.Text, "listener of jivo_onAccept panicked"))
	}
	if !reported {
		t.Errorf("the panic was not reported on the console: %v", p.Console())
	}

	p.Do("window.goPanic = false")
	if r := goCall(t, p, "chatMode"); !r.OK || r.Value != `"online"` {
		t.Errorf("chatMode after the panic: %+v", r)
	}
	p.Stub("agentMessage", "still there?")
	waitEvents(t, p, "OnMessageReceived", 1)
	p.Stub("agentAccept")
	if got := waitEvents(t, p, "OnAccept", 3); got[1].Listener+got[2].Listener != 3 {
		t.Errorf("after the panic, jivo_onAccept reached %+v", got)
	}
}
