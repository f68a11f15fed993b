package e2e

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/jivokit/jivokit/jsapi"
	"github.com/jivokit/jivokit/stub"
)

// testServer serves testdata and the stub widget.
func testServer(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.Handle("/", http.FileServer(http.Dir("testdata")))
	mux.Handle("/jivokit/", stub.Handler())
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestPage(t *testing.T) {
	srv := testServer(t)
	p := NewBrowser(t).Open(t, srv.URL+"/plain.html")

	if got := Eval[string](p, "document.title"); got != "plain page" {
		t.Errorf("title %q", got)
	}
	if got := p.Text("#greeting"); got != "Hello, world" {
		t.Errorf("text %q", got)
	}
	type answer struct{ Answer int }
	if got := Eval[answer](p, "window.later"); got.Answer != 42 {
		t.Errorf("awaited promise gave %+v", got)
	}
	if _, err := EvalErr[int](p, `(() => { throw new Error("thrown on purpose") })()`); err == nil || !strings.Contains(err.Error(), "thrown on purpose") {
		t.Errorf("EvalErr of a throwing expression: %v", err)
	}
	p.Click("#button")
	p.WaitFor(`document.body.dataset.clicked === "yes"`)

	var log, warn bool
	for _, m := range p.Console() {
		switch {
		case m.Type == "log" && strings.HasPrefix(m.Text, "plain page ready"):
			log = true
		case m.Type == "warning" && m.Text == "a warning is not an error":
			warn = true
		}
		if m.Problem() {
			t.Errorf("problem on a clean page: %v", m)
		}
	}
	if !log || !warn {
		t.Errorf("console log %v, warning %v; messages: %v", log, warn, p.Console())
	}
}

func TestPageFailsOnConsoleProblems(t *testing.T) {
	srv := testServer(t)
	b := NewBrowser(t)
	t.Setenv("JIVOKIT_E2E_ARTIFACTS", t.TempDir())
	tests := []struct {
		page string
		want string // in the error the harness reports
	}{
		{"console-error.html", "error: boom: something broke 7"},
		{"exception.html", "exception: Uncaught TypeError: kaboom from the page"},
		{"missing-script.html", "browser-error: Failed to load resource"},
		{"csp-violation.html", "violates the following Content Security Policy directive"},
	}
	for _, tt := range tests {
		t.Run(tt.page, func(t *testing.T) {
			inner := newFakeTB(t)
			inner.run(func(tb testing.TB) {
				p := b.Open(tb, srv.URL+"/"+tt.page)
				p.WaitFor("document.readyState === 'complete'")
			})
			if !inner.Failed() {
				t.Fatalf("the page's test passed; logs:\n%s", inner.logText())
			}
			if !strings.Contains(inner.errorText(), tt.want) {
				t.Errorf("errors\n%s\nlack %q", inner.errorText(), tt.want)
			}
			shot := regexp.MustCompile(`screenshot of \S+: (\S+\.png)`).FindStringSubmatch(inner.logText())
			if shot == nil {
				t.Fatalf("no screenshot logged:\n%s", inner.logText())
			}
			if st, err := os.Stat(shot[1]); err != nil || st.Size() == 0 {
				t.Errorf("screenshot %s: %v", shot[1], err)
			}
			if filepath.Dir(shot[1]) != os.Getenv("JIVOKIT_E2E_ARTIFACTS") {
				t.Errorf("screenshot %s is not in $JIVOKIT_E2E_ARTIFACTS", shot[1])
			}
		})
	}
}

func TestWithAllowedConsole(t *testing.T) {
	srv := testServer(t)
	b := NewBrowser(t, WithAllowedConsole(`^boom:`))
	p := b.Open(t, srv.URL+"/console-error.html")
	p.WaitFor("document.readyState === 'complete'")
	var seen bool
	for _, m := range p.Console() {
		seen = seen || (m.Type == "error" && strings.HasPrefix(m.Text, "boom:"))
	}
	if !seen {
		t.Errorf("the allowed error is not in Console(): %v", p.Console())
	}

	// Per page, and only what matches.
	inner := newFakeTB(t)
	inner.run(func(tb testing.TB) {
		NewBrowser(tb).Open(tb, srv.URL+"/exception.html", WithAllowedConsole("something else"))
	})
	if !strings.Contains(inner.errorText(), "kaboom") {
		t.Errorf("an exception the pattern does not match passed: %q", inner.errorText())
	}

	inner = newFakeTB(t)
	inner.run(func(tb testing.TB) { NewBrowser(tb, WithAllowedConsole("(")) })
	if !strings.Contains(inner.errorText(), "WithAllowedConsole") {
		t.Errorf("a bad pattern gave %q", inner.errorText())
	}
}

// TestWaitForTimesOut: a wait fails after the page's timeout, and a timeout
// too short to open a tab bounds the waits, not the opening.
func TestWaitForTimesOut(t *testing.T) {
	srv := testServer(t)
	b := NewBrowser(t)
	for _, d := range []time.Duration{300 * time.Millisecond, time.Nanosecond} {
		inner := newFakeTB(t)
		start := time.Now()
		inner.run(func(tb testing.TB) {
			p := b.Open(tb, srv.URL+"/plain.html", WithTimeout(d))
			p.WaitFor("window.neverSet === true")
			tb.Error("WaitFor returned")
		})
		if want := "e2e: still false after " + d.String() + ": window.neverSet === true"; inner.errorText() != want {
			t.Errorf("WithTimeout(%v): errors %q, want %q", d, inner.errorText(), want)
		}
		if took := time.Since(start); took > DefaultTimeout {
			t.Errorf("WithTimeout(%v): the test took %v", d, took)
		}
	}
}

func TestStub(t *testing.T) {
	srv := testServer(t)
	p := NewBrowser(t).Open(t, srv.URL+"/stub.html")
	p.WaitLoaded()
	calls := p.WaitStubCalls(2)
	if calls[0].Method != "setContactInfo" || calls[1].Method != "setCustomData" {
		t.Fatalf("calls %+v", calls)
	}
	var info jsapi.ContactInfo
	if err := calls[0].Arg(0, &info); err != nil || info.Name != "Ann" || info.Email != "ann@example.com" {
		t.Errorf("setContactInfo argument %+v (%v)", info, err)
	}
	if err := calls[0].Arg(1, &info); err == nil {
		t.Errorf("Arg beyond the arguments gave no error")
	}
	if got := p.StubCallsOf("setCustomData"); len(got) != 1 {
		t.Errorf("StubCallsOf(setCustomData) = %+v", got)
	}

	p.Stub("agentAccept")
	p.Stub("visitorMessage", "Hello there")
	p.WaitState(jsapi.StateChat)
	p.Stub("callEnd", false, "busy")

	view := p.AgentPanel()
	if !view.Accepted || view.ContactInfo.Name != "Ann" || len(view.CustomData) != 1 || view.CustomData[0].Title != "Plan" {
		t.Errorf("agent view %+v", view)
	}
	if view.Call == nil || view.Call.Status != "failed" || view.Call.Reason != "busy" {
		t.Errorf("call %+v", view.Call)
	}
	var names []string
	for _, e := range p.StubEvents() {
		names = append(names, e.Callback)
	}
	want := "jivo_onLoadCallback jivo_onAccept jivo_onOpen jivo_onResizeCallback jivo_onChangeState jivo_onClientStartChat jivo_onMessageSent jivo_onCallEnd"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("events\n%s\nwant\n%s", got, want)
	}

	inner := newFakeTB(t)
	inner.run(func(tb testing.TB) {
		p := NewBrowser(tb).Open(tb, srv.URL+"/stub.html")
		p.Stub("noSuchControl")
	})
	if !strings.Contains(inner.errorText(), "jivokitStub has no function noSuchControl") {
		t.Errorf("unknown control: %q", inner.errorText())
	}
	inner = newFakeTB(t)
	inner.run(func(tb testing.TB) {
		NewBrowser(tb).Open(tb, srv.URL+"/plain.html").StubCalls()
	})
	if !strings.Contains(inner.errorText(), "the page has no stub widget") {
		t.Errorf("no stub: %q", inner.errorText())
	}
}

func TestUnavailable(t *testing.T) {
	for _, tt := range []struct {
		ci          string
		err         error
		wantSkipped bool
	}{
		{"", ErrNoChromium, true},
		{"true", ErrNoChromium, false},
		{"", errors.New("crashed"), false},
	} {
		t.Setenv("CI", tt.ci)
		inner := newFakeTB(t)
		inner.run(func(tb testing.TB) { unavailable(tb, tt.err) })
		if inner.skipped != tt.wantSkipped || inner.Failed() == tt.wantSkipped {
			t.Errorf("CI=%q, %v: skipped %v, failed %v", tt.ci, tt.err, inner.skipped, inner.Failed())
		}
	}
}
