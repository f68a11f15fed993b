package e2e_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/a-h/templ"

	"github.com/jivokit/jivokit/e2e"
	"github.com/jivokit/jivokit/jsapi"
	"github.com/jivokit/jivokit/stub"
	"github.com/jivokit/jivokit/templates"
	"github.com/jivokit/jivokit/templates/stubwidget"
)

// The life script's tests in Chromium, on the stub widget under a nonce
// policy. vendorDOM makes sure the page has the vendor's shape at load:
// div#jivo-iframe-container holding a same-origin iframe#jivo_container
// (whose window gets a mark: it is lost if the iframe is ever moved or
// re-inserted, which reloads it) and a <jdiv> label with a button in the
// body. A stub that does not make them itself gets them added, removed
// 10 ms after jivo_destroy as the vendor's container is, and is let load
// again after it.
const vendorDOM = `(function () {
  var make = function () {
    var c = document.getElementById('jivo-iframe-container');
    if (!c) {
      // A stub without the vendor's elements: add them.
      window.jivo_magic_var = 1;
      window.jivo_config = window.jivo_config || {widget_id: 'x'};
      c = document.createElement('div');
      c.id = 'jivo-iframe-container';
      var f = document.createElement('iframe');
      f.id = 'jivo_container';
      f.title = 'Jivochat';
      c.appendChild(f);
      document.body.appendChild(c);
      window.addedVendorDOM = true;
    }
    c.querySelector('iframe').contentWindow.alive = 'yes';
    // A <jdiv> with a focusable button, as the vendor's label has (the
    // stub redraws its own).
    var j = document.getElementById('e2e-jdiv');
    if (!j) {
      j = document.createElement('jdiv');
      j.id = 'e2e-jdiv';
      var b = document.createElement('button');
      b.id = 'e2e-button';
      b.textContent = 'Chat with us';
      j.appendChild(b);
      document.body.appendChild(j);
    }
    window.flashed = window.flashed || j.checkVisibility();
  };
  var wait = function () {
    if (!window.jivokit) return setTimeout(wait, 2);
    jivokit.on('jivo_onLoadCallback', make);
    jivokit.on('jivo_onWidgetDestroy', function () {
      if (!window.addedVendorDOM) return;
      // The stub without the vendor's loading loads again only afresh.
      delete window.jivokitStub;
      var c = document.getElementById('jivo-iframe-container');
      setTimeout(function () { if (c) c.remove(); }, 10);
    });
    if (jivokit.loaded) make();
  };
  wait();
})();`

// webLib is the path of a pinned npm library's file under tools/web; a
// test fails when it is missing in CI and skips elsewhere.
func webLib(t *testing.T, rel string) string {
	t.Helper()
	p := filepath.Join("..", "tools", "web", "node_modules", filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		msg := fmt.Sprintf("%s is missing: run npm ci --prefix tools/web (scripts/test does)", rel)
		if os.Getenv("CI") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	return p
}

// lifeSite serves pages with the stub widget and the life script.
type lifeSite struct {
	*httptest.Server
	mu      sync.Mutex
	fetched map[string]int // the widget scripts' paths, fetched how often
}

func (s *lifeSite) count(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.fetched[path]
}

// widgetAt serves the stub at a vendor-shaped path, /w/widget/ID.
type widgetAt string

func (w widgetAt) WidgetScript() (string, map[string]string, error) {
	return "/w/widget/" + string(w), nil, nil
}

// newLifeSite serves /p/NAME: a page whose main says NAME, whose title is
// NAME and whose visitor is named NAME. Query: lib (htmx, turbo, or none),
// at (head or body: where the snippet goes), launcher (a page launcher),
// own (Life.OwnLauncher), switch (the stub at /w/widget/1234567), nolife.
func newLifeSite(t *testing.T, life templates.Life) *lifeSite {
	t.Helper()
	e2e.NewBrowser(t)
	s := &lifeSite{fetched: map[string]int{}}
	mux := http.NewServeMux()
	stubHandler := stub.Handler()
	mux.HandleFunc("/jivokit/", func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.fetched[r.URL.Path]++
		s.mu.Unlock()
		stubHandler.ServeHTTP(w, r)
	})
	// The stub as widget ID at a vendor-shaped path, /w/widget/ID, and what
	// it asks for next to it. The stub loads again after jivo_destroy with
	// the options it began with; a fresh copy (as the vendor's new script
	// with a new id is) starts without the old one.
	mux.HandleFunc("/w/widget/{rest...}", func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.fetched[r.URL.Path]++
		s.mu.Unlock()
		if strings.Contains(r.PathValue("rest"), "/") {
			stubHandler.ServeHTTP(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/javascript")
		io.WriteString(w, "delete window.jivokitStub;\n"+stub.Script)
	})
	libs := map[string]string{}
	mux.HandleFunc("/lib/{name}", func(w http.ResponseWriter, r *http.Request) {
		p, ok := libs[r.PathValue("name")]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/javascript")
		http.ServeFile(w, r, p)
	})
	libs["htmx.js"] = filepath.Join("..", "tools", "web", "node_modules", "htmx.org", "dist", "htmx.min.js")
	libs["turbo.js"] = filepath.Join("..", "tools", "web", "node_modules", "@hotwired", "turbo", "dist", "turbo.es2017-umd.js")
	mux.HandleFunc("/p/{name}", func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		name := r.PathValue("name")
		opts := []templates.Option{stubwidget.With(stub.Options{Fast: true})}
		if q.Has("switch") {
			opts = []templates.Option{templates.WithScript(widgetAt("1234567"))}
		}
		l := life
		l.OwnLauncher = q.Has("own")
		if !q.Has("nolife") {
			opts = append(opts, templates.WithLife(l))
		}
		if q.Has("track") {
			opts = append(opts, templates.WithTrackPages())
		}
		widget, err := templates.NewWidget("1234567", append(opts,
			templates.WithErrorHandler(func(_ context.Context, err error) { t.Errorf("snippet left out: %v", err) }))...)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		nonce := newNonce()
		// strictDynamic: the stub's loader adds its bundle and runs it in its
		// iframe, as the vendor's does.
		policy := templates.ParsePolicy("default-src 'self'; img-src 'self' data:; base-uri 'none'; object-src 'none'").
			Merge(widget.Policy(), strictDynamic).WithNonce(nonce)
		ctx := templ.WithNonce(r.Context(), nonce)
		v := templates.Visitor{Config: jsapi.PageConfig{ContactInfo: &jsapi.ContactInfo{Name: name}}}
		var snippet bytes.Buffer
		if err := widget.Snippet(v).Render(ctx, &snippet); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		n := ` nonce="` + nonce + `"`
		var b bytes.Buffer
		b.WriteString(`<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>` + name + `</title>`)
		b.WriteString(`<meta name="csp-nonce" content="` + nonce + `">`)
		b.WriteString(`<meta name="htmx-config" content='{"includeIndicatorStyles":false}'>`)
		b.WriteString(`<script` + n + `>` + vendorDOM + `</script>`)
		if q.Has("morph") {
			b.WriteString(`<meta name="turbo-refresh-method" content="morph">`)
		}
		switch q.Get("lib") {
		case "htmx":
			b.WriteString(`<script src="/lib/htmx.js"` + n + `></script>`)
		case "turbo":
			b.WriteString(`<script src="/lib/turbo.js"` + n + `></script>`)
		}
		if q.Get("at") == "head" {
			b.Write(snippet.Bytes())
		}
		b.WriteString(`</head><body`)
		if q.Get("lib") == "htmx" {
			b.WriteString(` hx-boost="true"`)
		}
		b.WriteString(`><main>` + name + `</main>`)
		keep := r.URL.RawQuery
		for _, to := range []string{"one", "two", "secret"} {
			fmt.Fprintf(&b, `<a id="to-%s" href="/p/%s?%s">%s</a> `, to, to, templ.EscapeString(keep), to)
		}
		if q.Has("launcher") {
			b.WriteString(`<button data-jivokit-launcher>Chat</button>`)
		}
		b.WriteString(`<dialog id="dlg" data-jivokit-hide>A dialog</dialog>`)
		if q.Get("at") != "head" {
			b.Write(snippet.Bytes())
		}
		b.WriteString(`</body></html>`)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Security-Policy", policy.String())
		w.Write(b.Bytes())
	})
	s.Server = httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

// loaded waits for the widget and the vendor-shaped DOM.
const loaded = `window.jivokit && jivokit.loaded && document.getElementById('jivo-iframe-container') && document.querySelector('jdiv')`

func TestLifeHideShow(t *testing.T) {
	s := newLifeSite(t, templates.Life{HidePaths: []string{"/p/secret"}, HideWhileMarked: true})
	p := e2e.NewBrowser(t).Open(t, s.URL+"/p/one", e2e.WithAllowedConsole(`reason must be a word`))
	p.WaitFor(loaded)
	got := e2e.Eval[map[string]any](p, `(() => {
  const b = document.getElementById('e2e-button'), j = b.closest('jdiv'), stubRoot = document.getElementById('jivokit-stub');
  const seen = () => j.checkVisibility() + ',' + (stubRoot ? stubRoot.checkVisibility() : 'none');
  const focusable = () => { b.blur(); b.focus(); return document.activeElement === b; };
  const r = {start: seen(), startFocus: focusable()};
  r.hide1 = jivokit.hide('modal'); r.hide2 = jivokit.hide('route2');
  r.hidden = seen(); r.hiddenFocus = focusable(); r.attr = document.documentElement.getAttribute('data-jivokit-hidden');
  r.show1 = jivokit.show('modal'); r.still = seen();
  r.show2 = jivokit.show('route2'); r.back = seen(); r.backFocus = focusable();
  r.noop = jivokit.show('never');
  r.bad = String(jivokit.hide('not a word'));
  document.getElementById('dlg').showModal();
  return r;
})()`)
	want := map[string]any{
		"start": "true,true", "startFocus": true, "hide1": true, "hide2": true,
		"hidden": "false,false", "hiddenFocus": false, "attr": "modal route2",
		"show1": true, "still": "false,false", "show2": true, "back": "true,true", "backFocus": true,
		"noop": false, "bad": `JivoError: jivo: hide: reason must be a word of letters, digits, - and _ (at most 32), not "not a word"`,
	}
	for k, v := range want {
		if fmt.Sprint(got[k]) != fmt.Sprint(v) {
			t.Errorf("%s = %v, want %v", k, got[k], v)
		}
	}
	// An open dialog marked data-jivokit-hide hides it; closed, it shows.
	p.WaitFor(`document.documentElement.getAttribute('data-jivokit-hidden') == 'element'`)
	p.Do(`document.getElementById('dlg').close()`)
	p.WaitFor(`!document.documentElement.hasAttribute('data-jivokit-hidden') && document.querySelector('jdiv').checkVisibility()`)

	// A page a path rule hides never shows the widget, not even before
	// the rules' first evaluation; navigating away shows it.
	p = e2e.NewBrowser(t).Open(t, s.URL+"/p/secret")
	p.WaitFor(loaded)
	if flashed := e2e.Eval[bool](p, `window.flashed`); flashed {
		t.Error("the widget showed on a page its path rule hides")
	}
	if got := e2e.Eval[string](p, `document.documentElement.getAttribute('data-jivokit-hidden')`); got != "route" {
		t.Errorf("hidden for %q, want route", got)
	}
	p.Do(`history.pushState({}, '', '/p/other')`)
	p.WaitFor(`document.querySelector('jdiv').checkVisibility()`)
}

func TestLifeState(t *testing.T) {
	s := newLifeSite(t, templates.Life{})
	p := e2e.NewBrowser(t).Open(t, s.URL+"/p/one?launcher&own")
	p.WaitFor(loaded)
	p.Do(`window.heard = []; jivokit.onState((s) => heard.push(s)); document.addEventListener('jivokit:state', (e) => heard.push(e.detail))`)
	attrs := `(() => { const b = document.querySelector('[data-jivokit-launcher]'); return ['phase', 'open', 'online', 'unread'].map((k) => b.getAttribute('data-jivokit-' + k)).join(' '); })()`
	p.WaitFor(attrs + ` == 'loaded false true 0'`)
	if got := e2e.Eval[string](p, `document.documentElement.getAttribute('data-jivokit-hidden')`); got != "launcher" {
		t.Errorf("with its own launcher and the chat closed, the vendor label is hidden for %q, want launcher", got)
	}
	p.Do(`jivokitStub.agentMessage('hello'); jivokitStub.agentMessage('again')`)
	p.WaitFor(attrs + ` == 'loaded false true 2'`)
	p.Do(`document.querySelector('[data-jivokit-launcher]').addEventListener('click', () => jivokit.call('open')); document.querySelector('[data-jivokit-launcher]').click()`)
	p.WaitFor(attrs + ` == 'loaded true true 0'`)
	p.WaitFor(`!document.documentElement.hasAttribute('data-jivokit-hidden')`)
	state := e2e.Eval[map[string]any](p, `jivokit.state`)
	if fmt.Sprint(state) != "map[online:true open:true phase:loaded unread:0]" {
		t.Errorf("jivokit.state = %v", state)
	}
	if n := e2e.Eval[int](p, `heard.length`); n < 6 || n%2 != 0 {
		t.Errorf("%d state events (listener and DOM event, each change), want an even number of at least 6", n)
	}
}

func TestLifeReset(t *testing.T) {
	s := newLifeSite(t, templates.Life{})
	p := e2e.NewBrowser(t).Open(t, s.URL+"/p/one")
	p.WaitFor(loaded)
	p.Do(`localStorage.setItem('jv_client_x', '1'); localStorage.setItem('__jivoLoader', 'x'); localStorage.setItem('site', 'kept')`)
	got := e2e.Eval[map[string]any](p, `jivokit.reset().then(() => new Promise((r) => setTimeout(r, 30))).then(() => ({
  phase: jivokit.phase,
  dom: document.querySelectorAll('jdiv, #jivo-iframe-container, #jivokit-stub').length,
  globals: ['jivo_magic_var', 'jivo_config', 'jivo_api'].filter((g) => window[g] !== undefined).join(),
  keys: Object.keys(localStorage).sort().join(),
  scripts: document.querySelectorAll('script[src$="/jivokit/stub.js"]').length,
}))`)
	if fmt.Sprint(got) != "map[dom:0 globals: keys:site phase:not-requested scripts:0]" {
		t.Errorf("after reset: %v", got)
	}
	if n := s.count(stub.Path); n != 1 {
		t.Errorf("the stub was fetched %d times before load(), want 1", n)
	}
	p.Do(`jivokit.load()`)
	p.WaitFor(loaded)
	// Log in as another visitor: loaded again at once, with the new token.
	p.Do(`jivokit.reset({load: true, config: {user_token: 'bob-token', contact_info: {name: 'Bob'}}})`)
	if _, err := e2e.EvalErr[bool](p, `new Promise((r, j) => { const t = Date.now(); const f = () => (`+loaded+` && jivokitStub.agentView().token == 'bob-token') ? r(true) : Date.now() - t > 5000 ? j(new Error(JSON.stringify({phase: jivokit.phase, stub: window.jivokitStub && jivokitStub.agentView(), scripts: [...document.scripts].map((s) => s.src)}))) : setTimeout(f, 20); f(); })`); err != nil {
		t.Fatal(err)
	}
	if name := e2e.Eval[string](p, `jivokitStub.agentView().contactInfo.name`); name != "Bob" {
		t.Errorf("contact name %q after reset, want Bob", name)
	}
}

func TestLifeSwitchWidget(t *testing.T) {
	s := newLifeSite(t, templates.Life{})
	p := e2e.NewBrowser(t).Open(t, s.URL+"/p/one?switch", e2e.WithAllowedConsole(`Widget id is not valid`))
	p.WaitFor(loaded)
	bad := e2e.Eval[string](p, `jivokit.switchWidget('abc').then(String)`)
	if !strings.Contains(bad, "Widget id is not valid") {
		t.Errorf("switch to abc: %s", bad)
	}
	p.Do(`jivokit.switchWidget('Zz9Yy8Xx7W')`)
	p.WaitFor(loaded + ` && document.querySelector('script[src$="/w/widget/Zz9Yy8Xx7W"]')`)
	if n := s.count("/w/widget/Zz9Yy8Xx7W"); n != 1 {
		t.Errorf("the new widget fetched %d times, want 1", n)
	}
	if name := e2e.Eval[string](p, `jivokitStub.agentView().contactInfo.name`); name != "one" {
		t.Errorf("the page's configuration did not reach the new widget: %q", name)
	}
}

// swapNavigation proves, for a library (htmx or Turbo) and a snippet
// place, that a body swap keeps the widget and applies the new page.
func swapNavigation(t *testing.T, lib, at string) {
	s := newLifeSite(t, templates.Life{HidePaths: []string{"/p/secret"}})
	q := "?lib=" + lib + "&at=" + at
	if at == "head" {
		// The loader follows history too: it sends the page titles then.
		q += "&track"
	}
	p := e2e.NewBrowser(t).Open(t, s.URL+"/p/one"+q)
	p.WaitFor(loaded)
	if e2e.Eval[bool](p, `!!window.addedVendorDOM`) {
		t.Error("the stub did not make the vendor's elements itself: the test no longer runs on the vendor-mode stub")
	}
	const widgetNodes = `document.querySelectorAll('jdiv, #jivo-iframe-container, #jivokit-stub').length`
	nodes := e2e.Eval[int](p, widgetNodes)
	p.Do(`document.getElementById('jivo-iframe-container').mark = 'kept'; jivokit.call('open'); jivokitStub.clearCalls()`)
	p.WaitFor(`jivokit.state.open`)
	stubState := e2e.Eval[string](p, `jivokitStub.state()`)
	alive := `(() => { const c = document.getElementById('jivo-iframe-container'); return !!c && c.mark == 'kept' && c.querySelector('iframe').contentWindow.alive == 'yes'; })()`
	for i, step := range []struct{ click, name, hidden string }{
		{"#to-two", "two", ""},
		{"#to-secret", "secret", "route"},
		{"#to-one", "one", ""},
	} {
		p.Click(step.click)
		p.WaitFor(`location.pathname == '/p/` + step.name + `' && document.querySelector('main').textContent == '` + step.name + `' && document.title == '` + step.name + `'`)
		if !e2e.Eval[bool](p, alive) {
			t.Fatalf("step %d: the widget's iframe did not survive the swap", i)
		}
		if got := e2e.Eval[string](p, `jivokitStub.state()`); got != stubState {
			t.Errorf("step %d: the chat is %q, was %q", i, got, stubState)
		}
		p.WaitFor(`jivokitStub.agentView().contactInfo.name == '` + step.name + `'`)
		p.WaitFor(`jivokitStub.calls().filter((c) => c.method == 'sendPageTitle').length == ` + fmt.Sprint(i+1))
		if got := e2e.Eval[string](p, `document.documentElement.getAttribute('data-jivokit-hidden') || ''`); got != step.hidden {
			t.Errorf("step %d: hidden for %q, want %q", i, got, step.hidden)
		}
		if n := e2e.Eval[int](p, widgetNodes); n != nodes {
			t.Errorf("step %d: %d widget elements, were %d (no copies, none lost)", i, n, nodes)
		}
	}
	time.Sleep(300 * time.Millisecond)
	titles := e2e.Eval[[]json.RawMessage](p, `jivokitStub.calls().filter((c) => c.method == 'sendPageTitle').map((c) => c.args[0])`)
	if len(titles) != 3 || string(titles[0]) != `"two"` || string(titles[2]) != `"one"` {
		t.Errorf("page titles sent: %s, want two, secret, one once each", titles)
	}
	if n := s.count(stub.Path); n != 1 {
		t.Errorf("the widget's script was fetched %d times, want once", n)
	}
	// Back, from the library's own history.
	p.Do(`history.back()`)
	p.WaitFor(`location.pathname == '/p/secret' && document.querySelector('main').textContent == 'secret'`)
	if !e2e.Eval[bool](p, alive) {
		t.Fatal("the widget's iframe did not survive going back")
	}
	p.WaitFor(`document.documentElement.getAttribute('data-jivokit-hidden') == 'route' && jivokitStub.agentView().contactInfo.name == 'secret'`)
}

func TestLifeHtmx(t *testing.T) {
	webLib(t, "htmx.org/dist/htmx.min.js")
	for _, at := range []string{"body", "head"} {
		t.Run(at, func(t *testing.T) { swapNavigation(t, "htmx", at) })
	}
}

func TestLifeTurbo(t *testing.T) {
	webLib(t, "@hotwired/turbo/dist/turbo.es2017-umd.js")
	for _, at := range []string{"body", "head"} {
		t.Run(at, func(t *testing.T) { swapNavigation(t, "turbo", at) })
	}
}

// TestLifeTurboMorph: a morphing page refresh leaves the widget alone.
func TestLifeTurboMorph(t *testing.T) {
	webLib(t, "@hotwired/turbo/dist/turbo.es2017-umd.js")
	s := newLifeSite(t, templates.Life{})
	p := e2e.NewBrowser(t).Open(t, s.URL+"/p/one?lib=turbo&at=body&morph")
	p.WaitFor(loaded)
	p.Do(`window.nodes = document.querySelectorAll('jdiv, #jivokit-stub').length; document.getElementById('jivo-iframe-container').mark = 'kept'; jivokit.call('open'); document.addEventListener('turbo:morph', () => (window.morphed = true)); document.querySelector('main').textContent = 'changed'; Turbo.visit(location.href, {action: 'replace'})`)
	p.WaitFor(`window.morphed && document.querySelector('main').textContent == 'one'`)
	if !e2e.Eval[bool](p, `(() => { const c = document.getElementById('jivo-iframe-container'); return !!c && c.mark == 'kept' && c.querySelector('iframe').contentWindow.alive == 'yes' && jivokit.state.open && document.querySelectorAll('jdiv, #jivokit-stub').length == nodes; })()`) {
		t.Error("the widget did not survive a morphing refresh")
	}
}

// TestSwapWithoutLife shows what the life script prevents: without it, a
// boosted navigation takes the widget's iframe with the old body.
func TestSwapWithoutLife(t *testing.T) {
	webLib(t, "htmx.org/dist/htmx.min.js")
	s := newLifeSite(t, templates.Life{})
	p := e2e.NewBrowser(t).Open(t, s.URL+"/p/one?lib=htmx&at=head&nolife")
	p.WaitFor(`window.jivokit && jivokit.loaded && document.getElementById('jivo-iframe-container')`)
	p.Click("#to-two")
	p.WaitFor(`document.querySelector('main').textContent == 'two'`)
	if e2e.Eval[bool](p, `!!document.getElementById('jivo-iframe-container')`) {
		t.Error("the iframe survived without the life script: this test no longer shows what the script is for")
	}
}

// TestIframeMoves measures what keeps a same-origin iframe's window, the
// widget's code, alive in Chromium: staying in place does; a move by
// insertBefore or replaceWith (what Turbo's permanent elements and htmx's
// hx-preserve do without moveBefore) gives it a new window; moveBefore
// keeps it. The life script therefore never moves the widget's elements.
func TestIframeMoves(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(`<!doctype html><html><head><link rel="icon" href="data:,"><title>iframe</title></head><body><div id="a"></div><div id="b"></div></body></html>`))
	}))
	defer srv.Close()
	p := e2e.NewBrowser(t).Open(t, srv.URL)
	got := e2e.Eval[map[string]any](p, `(() => {
  const r = {};
  const make = () => { const c = document.createElement('div'); const f = document.createElement('iframe'); c.appendChild(f); document.getElementById('a').appendChild(c); f.contentWindow.mark = 1; return [c, f]; };
  const kept = (f) => !!(f.contentWindow && f.contentWindow.mark);
  let [c, f] = make();
  document.body.append(document.createElement('p'));
  r.inPlace = kept(f);
  document.getElementById('b').insertBefore(c, null);
  r.insertBefore = kept(f);
  [c, f] = make();
  const ph = document.createElement('div'); c.replaceWith(ph); ph.replaceWith(c);
  r.replaceWith = kept(f);
  [c, f] = make();
  if (document.body.moveBefore) { document.getElementById('b').moveBefore(c, null); r.moveBefore = kept(f); } else r.moveBefore = 'missing';
  return r;
})()`)
	t.Logf("iframe window kept: %v", got)
	if got["inPlace"] != true || got["insertBefore"] != false || got["replaceWith"] != false {
		t.Errorf("iframe window kept: %v; want it kept in place only (moveBefore aside)", got)
	}
}
