package e2e_test

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/jivokit/jivokit/e2e"
	"github.com/jivokit/jivokit/jsapi"
)

// logEntry is the selector of the example app's log entries of a kind
// ("result,error" for either) and a name.
func logEntry(kinds, name string) string {
	var sel []string
	for _, k := range strings.Split(kinds, ",") {
		sel = append(sel, `#jivokit-log li[data-kind="`+k+`"][data-name="`+name+`"]`)
	}
	return strconv.Quote(strings.Join(sel, ", "))
}

// TestExampleApp drives the example app (wasm/example) on a page rendered
// by the templ components with the stub widget: every callback the stub
// can fire reaches the app's log, and every method's button reaches the
// widget with the app's sample arguments and logs its answer.
func TestExampleApp(t *testing.T) {
	s := newSite(t, example)
	p := e2e.NewBrowser(t).Open(t, s.URL+"/page?never-load&utm_source=e2e&utm_campaign=example")
	p.WaitFor(`document.documentElement.dataset.jivokitExample === "ready"`)

	var want []string
	for _, m := range jsapi.Methods() {
		want = append(want, m.Name)
	}
	buttons := e2e.Eval[[]string](p, `[...document.querySelectorAll("button[data-method]")].map((b) => b.dataset.method)`)
	if a, b := slices.Sorted(slices.Values(buttons)), slices.Sorted(slices.Values(want)); !slices.Equal(a, b) {
		t.Fatalf("the example's buttons are\n%q\nwant jsapi.Methods()\n%q", a, b)
	}

	// Every callback, through the stub's control API (and its close
	// button), before any method is called: each log entry comes from it.
	controls := []struct {
		control string
		args    []any
	}{
		{control: "load"},
		{control: "agentAccept"},
		{control: "visitorMessage", args: []any{"Hi, I have a question"}},
		{control: "agentMessage", args: []any{"Hello! How can I help?"}},
		{control: "visitorIntroduce", args: []any{map[string]string{"name": "Ann", "phone": "+14084987855"}}},
		{control: "callStart"},
		{control: "callEnd", args: []any{true}},
		{control: "resize"},
		{control: "close"}, // the visitor closes the window
		{control: "destroy"},
		{control: "init"},
	}
	for _, c := range controls {
		switch c.control {
		case "load", "init":
			p.Stub(c.control)
			p.WaitLoaded()
		case "close":
			p.Click(`#jivokit-stub .jks-close`)
			p.WaitState(jsapi.StateLabel)
		default:
			p.Stub(c.control, c.args...)
		}
	}
	for _, cb := range jsapi.Callbacks() {
		p.WaitFor(`document.querySelector(` + logEntry("callback", cb.Name) + `)`)
	}
	p.WaitFor(`document.querySelector(` + logEntry("result", "ready") + `)`)

	// Every button, jivo_destroy and jivo_init last, in that order.
	unavailable := jsapi.ErrCallbackUnavailable.Reason
	steps := map[string]struct {
		args string // JSON of the arguments the widget receives: the example's sample values
		log  string // in the text of the log's result entry, or of its error entry with fail
		fail bool
	}{
		"open":             {args: `[{"start":"chat"}]`, log: "open: ok"},
		"close":            {args: `[]`, log: "close: ok"},
		"chatMode":         {args: `[]`, log: "chatMode: online"},
		"getContactInfo":   {args: `[]`, log: `getContactInfo: name="Ann"`}, // from visitorIntroduce
		"getVisitorNumber": {args: `["[function]"]`, log: "getVisitorNumber: 1"},
		"setContactInfo": {args: `[{"name":"Ann Example","email":"ann@example.com","phone":"+14084987855","description":"Came from the example app"}]`,
			log: "setContactInfo: ok"},
		"setCustomData": {args: `[[{"title":"Plan","content":"Pro","link":"https://example.com/plan"},` +
			`{"title":"Order","content":"#1024","link":"https://example.com/orders/1024"},{"title":"Cart","content":"3 items"}]]`,
			log: "setCustomData: ok"},
		"setRules":                {args: `[{"rules":[]}]`, log: "setRules: ok"},
		"setUserToken":            {args: `["example-visitor-1"]`, log: "setUserToken: ok"},
		"showProactiveInvitation": {args: `["Need help choosing a plan?"]`, log: "showProactiveInvitation: ok"},
		"startCall":               {args: `["+14084987855"]`, log: "startCall: ok"},
		"isCallbackEnabled":       {args: `["[function]"]`, log: unavailable, fail: true}, // the call startCall requested is on
		"sendOfflineMessage": {args: `[{"name":"Ann Example","email":"ann@example.com","message":"Please call me back tomorrow."}]`,
			log: "sendOfflineMessage: ok"},
		"setWidgetColor":         {args: `["#1e88e5","#43a047"]`, log: "setWidgetColor: ok"},
		"sendPageTitle":          {args: `["Cart",true,"https://example.com/cart"]`, log: "sendPageTitle: ok"},
		"setClientAttributes":    {args: `[{"plan":"pro","seats":12}]`, log: "setClientAttributes: ok"},
		"getUnreadMessagesCount": {args: `[]`, log: "getUnreadMessagesCount: 0"},
		"getUtm":                 {args: `[]`, log: `getUtm: source="e2e" campaign="example"`},
		"clearHistory":           {args: `[]`, log: "clearHistory: ok"},
		"jivo_destroy":           {args: `[]`, log: "jivo_destroy: ok"},
		"jivo_init":              {args: `[]`, log: "jivo_init: ok"},
	}
	order := slices.DeleteFunc(slices.Clone(buttons), func(m string) bool { return m == "jivo_destroy" || m == "jivo_init" })
	order = append(order, "jivo_destroy", "jivo_init")
	for _, m := range order {
		st, ok := steps[m]
		if !ok {
			t.Errorf("%s: no step for this method in the test", m)
			st.args = "?" // still click it: the widget gets the method, at least
		}
		before := len(p.StubCalls())
		p.Click(`button[data-method="` + m + `"]`)
		p.WaitFor(`document.querySelector(` + logEntry("result,error", m) + `)`)
		type entry struct{ Kind, Text string }
		e := e2e.Eval[entry](p, `(() => { const li = document.querySelector(`+logEntry("result,error", m)+`); return {Kind: li.dataset.kind, Text: li.textContent}; })()`)
		if wantKind := map[bool]string{false: "result", true: "error"}[st.fail]; e.Kind != wantKind || !strings.Contains(e.Text, st.log) {
			t.Errorf("%s: the log shows %s %q, want %s with %q", m, e.Kind, e.Text, wantKind, st.log)
		}
		var got []e2e.StubCall
		for _, c := range p.StubCalls()[before:] {
			if c.Method == m {
				got = append(got, c)
			}
		}
		switch {
		case len(got) != 1:
			t.Errorf("%s: the widget got %d calls of it, want 1", m, len(got))
		case st.args != "?" && !sameJSON(t, argsJSON(got[0]), st.args):
			t.Errorf("%s: the widget got the arguments %s, want %s", m, argsJSON(got[0]), st.args)
		}
		if m == "jivo_destroy" {
			p.WaitFor(`jivokitStub.phase() === "destroyed"`)
		}
	}
	p.WaitLoaded() // jivo_init loaded the widget again
	p.WaitFor(`document.querySelectorAll(` + logEntry("callback", "jivo_onLoadCallback") + `).length === 3`)
}
