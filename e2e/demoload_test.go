package e2e_test

import (
	"strings"
	"testing"

	"github.com/jivokit/jivokit/e2e"
)

// TestDemoConsent opens the demo under the consent strategy: nothing is
// fetched from the widget and the app's calls wait until the consent
// button calls jivokit.load(); then the widget loads and the page lists
// what it fetched.
func TestDemoConsent(t *testing.T) {
	b := e2e.NewBrowser(t)
	base := startDemo(t)
	p := b.Open(t, base+"/?load=consent")
	p.WaitFor(`document.documentElement.dataset.jivokitExample === "ready"`)
	p.WaitFor(`document.getElementById('phase').textContent === 'not-requested'`)
	if n := e2e.Eval[int](p, `document.querySelectorAll('#fetched tbody tr').length`); n != 0 {
		t.Fatalf("%d widget requests listed before consent", n)
	}
	p.Click("#consent")
	p.WaitLoaded()
	p.WaitFor(`document.getElementById('phase').textContent === 'loaded'`)
	p.WaitFor(`document.querySelectorAll('#fetched tbody tr').length > 0`)
	if got := p.Text("#fetched tbody"); !strings.Contains(got, "/jivokit/stub.js") {
		t.Errorf("the fetched list shows %q", got)
	}
}

// TestDemoFailure opens the demo's page whose widget fails to load: the
// page shows the phase and the reason, and the fallback link takes the
// widget's place.
func TestDemoFailure(t *testing.T) {
	b := e2e.NewBrowser(t)
	base := startDemo(t)
	p := b.Open(t, base+"/?fail", e2e.WithAllowedConsole(`404 \(Not Found\)`), e2e.WithAllowedConsole(`^Refused to execute script from '.*/demo/no-widget\.js'`),
		e2e.WithAllowedConsole(`^jivokit: load: Error: the widget did not load: script-error`))
	p.WaitFor(`document.getElementById('phase').textContent === 'failed'`)
	// The detail names the script's URL as the browser resolved it.
	if got := p.Text("#failure-reason"); !strings.HasPrefix(got, "script-error (the widget script "+base+"/demo/no-widget.js did not load") {
		t.Errorf("the page shows the failure as %q", got)
	}
	if got := p.Text("a.jivokit-fallback"); got != "E-mail us instead" {
		t.Errorf("fallback link %q", got)
	}
	if href := e2e.Eval[string](p, `document.querySelector('a.jivokit-fallback').href`); href != "mailto:support@example.com" {
		t.Errorf("fallback link to %q", href)
	}
}
