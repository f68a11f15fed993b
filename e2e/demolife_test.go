package e2e_test

import (
	"testing"

	"github.com/jivokit/jivokit/e2e"
)

// TestDemoLife walks the demo's life pages in Chromium: the launcher's
// badge, hiding, an htmx navigation that keeps the open chat, the route
// rule, a switch to the other language's widget, and a log-out reset.
func TestDemoLife(t *testing.T) {
	webLib(t, "htmx.org/dist/htmx.min.js")
	b := e2e.NewBrowser(t)
	base := startDemo(t)
	p := b.Open(t, base+"/life/one")
	p.WaitFor(`window.jivokitStub && jivokitStub.loaded() && jivokit.state.phase == 'loaded'`)
	launcher := `document.querySelector('.demo-launcher')`
	p.WaitFor(launcher + `.dataset.jivokitUnread == '0' && document.documentElement.dataset.jivokitHidden == 'launcher'`)
	p.Click(`button[data-life="agent"]`)
	p.WaitFor(launcher + `.dataset.jivokitUnread == '1'`)
	p.Click(`button[data-life="hide"]`)
	p.WaitFor(`document.getElementById('life-hidden').textContent.includes('modal')`)
	p.Click(`button[data-life="show"]`)
	p.Click(`.demo-launcher`)
	p.WaitFor(`jivokit.state.open && ` + launcher + `.dataset.jivokitUnread == '0'`)
	p.Do(`document.getElementById('jivokit-stub').mark = 1`)
	p.Click(`nav a[href^="/life/two"]`)
	p.WaitFor(`location.pathname == '/life/two' && document.getElementById('life-navs').textContent == '1'`)
	p.WaitFor(`document.getElementById('jivokit-stub').mark == 1 && jivokit.state.open && jivokitStub.agentView().contactInfo.name == 'Ada on page two'`)
	p.Click(`nav a[href^="/life/private"]`)
	// The route rule holds from the URL change; the swap settles after.
	p.WaitFor(`document.documentElement.dataset.jivokitHidden == 'route' && document.getElementById('life-navs').textContent == '2'`)
	p.Click(`button[data-life="switch"][data-id="1000002"]`)
	if _, err := e2e.EvalErr[bool](p, `new Promise((ok, no) => { const t = Date.now(); const f = () => (jivokit.state.phase == 'loaded' && window.jivo_config && jivo_config.locale == 'de') ? ok(true) : Date.now() - t > 20000 ? no(new Error(JSON.stringify({phase: jivokit.phase, state: jivokit.state, config: window.jivo_config, stub: window.jivokitStub && jivokitStub.phase(), loader: window.jivokitStub && jivokitStub.loader && jivokitStub.loader(), scripts: [...document.scripts].map((s) => s.src).filter(Boolean)}))) : setTimeout(f, 50); f(); })`); err != nil {
		t.Fatalf("the switch to the German widget: %v", err)
	}
	p.Click(`button[data-life="logout"]`)
	p.WaitFor(`jivokit.phase == 'not-requested' && !document.getElementById('jivokit-stub') && document.getElementById('life-phase').textContent == 'not-requested'`)
}
