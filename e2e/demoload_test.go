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
