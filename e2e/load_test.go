package e2e_test

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/a-h/templ"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/jivokit/jivokit/e2e"
	"github.com/jivokit/jivokit/jsapi"
	"github.com/jivokit/jivokit/stub"
	"github.com/jivokit/jivokit/templates"
	"github.com/jivokit/jivokit/templates/stubwidget"
)

// loadSite serves pages whose widget (the stub) loads by a strategy.
// /page query: load (the strategy), intent (focus, hover), label, track
// (follow the history), own (the page's own launcher), delay (the stub's load delay, ms), early (the page
// queues calls at once). /blank is an empty page to open first, so that
// the network is watched from the page's first request.
// strictDynamic lets the widget's loader add its bundle and run the
// bundle's inline script in its iframe, as the vendor's loader does: both
// are trusted through the nonced script that added them.
var strictDynamic = templates.Policy{"script-src": {"'strict-dynamic'"}}

func loadSite(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.Handle("/jivokit/", stub.Handler())
	mux.HandleFunc("/blank", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`<!doctype html><link rel="icon" href="data:,"><title>blank</title>`))
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		o := stub.Options{}
		if ms, err := strconv.Atoi(q.Get("delay")); err == nil {
			o.LoadDelay = time.Duration(ms) * time.Millisecond
		}
		load := templates.LoadEager
		if q.Has("load") {
			load = templates.Load(q.Get("load"))
		}
		opts := []templates.Option{stubwidget.With(o), templates.WithLoad(load)}
		if q.Has("intent") {
			opts = append(opts, templates.WithLoadIntent(templates.Intent(q.Get("intent"))))
		}
		if q.Has("label") {
			opts = append(opts, templates.WithLauncherLabel(q.Get("label")))
		}
		if q.Has("track") {
			opts = append(opts, templates.WithTrackPages())
		}
		widget, err := templates.NewWidget("E2eWidget2", opts...)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		nonce := newNonce()
		policy := templates.ParsePolicy("default-src 'self'; img-src 'self' data:; base-uri 'none'; object-src 'none'").
			Merge(widget.Policy(), strictDynamic).WithNonce(nonce)
		var b bytes.Buffer
		b.WriteString(`<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Home</title>`)
		if q.Has("sitecss") {
			// A site's styles: one rule for every button, one for the launcher.
			b.WriteString(`<style nonce="` + nonce + `">button{background:#fff;color:#000;border-radius:0}.jivokit-launcher{border-radius:4px}</style>`)
		}
		b.WriteString(`</head><body>`)
		b.WriteString(`<h1>A page</h1><a id="first" href="#top">a link before the launcher</a>`)
		if q.Has("early") {
			b.WriteString(`<script nonce="` + nonce + `">window.early = [];</script>`)
		}
		if err := widget.Snippet(templates.Visitor{}).Render(templ.WithNonce(r.Context(), nonce), &b); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		if q.Has("own") {
			b.WriteString(`<p><button type="button" id="own" data-jivokit-launcher>Talk to us</button></p>`)
		}
		if q.Has("early") {
			// Calls made before the widget loads, in this order.
			b.WriteString(`<script nonce="` + nonce + `">
early.push(jivokit.call('setContactInfo', {name: 'Ann', email: 'ann@example.com'}));
early.push(jivokit.call('setCustomData', [{title: 'Plan', content: 'Pro'}]));
early.push(jivokit.call('setUserToken', 'tok-1'));
</script>`)
		}
		b.WriteString(`</body></html>`)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Security-Policy", policy.String())
		w.Write(b.Bytes())
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// netLog records the URLs the page requests, through the DevTools
// protocol's network domain.
type netLog struct {
	mu   sync.Mutex
	urls []string
}

// openWatched opens /blank, starts watching the network and then
// navigates to the page at path.
func openWatched(t *testing.T, srv *httptest.Server, path string) (*e2e.Page, *netLog) {
	t.Helper()
	p := e2e.NewBrowser(t).Open(t, srv.URL+"/blank")
	n := &netLog{}
	// chromedp enables the network domain on every tab.
	err := chromedp.Listen(p.Context(), func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok {
			n.mu.Lock()
			n.urls = append(n.urls, e.Request.URL)
			n.mu.Unlock()
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(p.Context(), chromedp.Navigate(srv.URL+path)); err != nil {
		t.Fatalf("opening %s: %v", path, err)
	}
	// The navigation replaced the blank page's JavaScript context; chromedp
	// learns the new one's id from an event that may come a moment after
	// the load event, and its polls (WaitFor) use that id: wait until a
	// poll works.
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		ctx, cancel := context.WithTimeout(p.Context(), 2*time.Second)
		_, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.readyState === 'complete' && !!window.jivokit`,
			chromedp.WithPollingInterval(10*time.Millisecond), chromedp.WithPollingTimeout(time.Second)))
		cancel()
		if err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the page %s did not come up: %v", path, err)
		}
	}
	return p, n
}

// widget counts the requests for the widget's script.
func (n *netLog) widget() int {
	n.mu.Lock()
	defer n.mu.Unlock()
	c := 0
	for _, u := range n.urls {
		if strings.Contains(u, stub.Path) {
			c++
		}
	}
	return c
}

// quiet gives a strategy time to misbehave: the page's load event has
// passed and idle periods came and went.
func quiet(p *e2e.Page) {
	p.Do(`new Promise((r) => setTimeout(r, 400))`)
}

func methods(calls []e2e.StubCall) []string {
	var out []string
	for _, c := range calls {
		out = append(out, c.Method)
	}
	return out
}

// TestLoadStrategies: which requests go to the widget before and after
// intent or consent, under every strategy, and that the widget's script
// is added with the page's CSP nonce (the page's policy would refuse it
// otherwise).
func TestLoadStrategies(t *testing.T) {
	srv := loadSite(t)
	for _, tc := range []struct {
		mode   string
		before int    // widget requests before intent or consent
		start  string // what the test does to load it ("" for nothing)
	}{
		{"eager", 1, ""},
		{"idle", 1, ""},
		{"interaction", 0, "click"},
		{"consent", 0, "jivokit.load()"},
	} {
		t.Run(tc.mode, func(t *testing.T) {
			p, n := openWatched(t, srv, "/?load="+tc.mode)
			quiet(p)
			if tc.mode == "idle" {
				// An idle period may come late on a busy machine (at
				// most 3 s after the load event).
				p.WaitLoaded()
			}
			if got := n.widget(); got != tc.before {
				t.Fatalf("%d requests to the widget before intent or consent, want %d", got, tc.before)
			}
			wantPhase := "loaded"
			if tc.before == 0 {
				wantPhase = "not-requested"
			}
			if ph := e2e.Eval[string](p, "jivokit.phase"); ph != wantPhase {
				t.Errorf("phase %q, want %q", ph, wantPhase)
			}
			launchers := e2e.Eval[int](p, "document.querySelectorAll('.jivokit-launcher').length")
			if want := map[bool]int{true: 1, false: 0}[tc.mode == "interaction"]; launchers != want {
				t.Errorf("%d launchers, want %d", launchers, want)
			}
			switch tc.start {
			case "click":
				p.Click(".jivokit-launcher")
			case "jivokit.load()":
				p.Do("jivokit.load()")
			}
			p.WaitLoaded()
			if got := n.widget(); got != 1 {
				t.Errorf("%d requests to the widget in all, want 1", got)
			}
			if tc.mode != "eager" {
				nonced := e2e.Eval[bool](p, `[...document.scripts].some((s) => s.src.endsWith('`+stub.Path+`') && s.nonce !== '')`)
				if !nonced {
					t.Error("the widget's script was added without the page's nonce")
				}
			}
			if ph := e2e.Eval[string](p, "jivokit.phase"); ph != "loaded" {
				t.Errorf("phase after load %q", ph)
			}
		})
	}
}

// TestLazyLoadReplaysQueue: calls the page made before a lazy load reach
// the widget in order once it loads, and the launcher's click opens the
// chat after them.
func TestLazyLoadReplaysQueue(t *testing.T) {
	srv := loadSite(t)
	for _, mode := range []string{"idle", "interaction", "consent"} {
		t.Run(mode, func(t *testing.T) {
			p, n := openWatched(t, srv, "/?early&delay=50&load="+mode)
			switch mode {
			case "interaction":
				quiet(p)
				if n.widget() != 0 {
					t.Fatal("the widget was fetched before the click")
				}
				p.Click(".jivokit-launcher")
				p.WaitState(jsapi.ChatState("chat"))
			case "consent":
				quiet(p)
				p.Do("jivokit.load()")
			}
			p.WaitLoaded()
			p.WaitFor(`Promise.all(early).then((r) => r.every((x) => x === true))`)
			want := []string{"setContactInfo", "setCustomData", "setUserToken"}
			if mode == "interaction" {
				want = append(want, "open")
			}
			if got := methods(p.WaitStubCalls(len(want))); !slices.Equal(got, want) {
				t.Errorf("the widget got %q, want %q", got, want)
			}
			if mode == "interaction" {
				if e2e.Eval[int](p, "document.querySelectorAll('.jivokit-launcher').length") != 0 {
					t.Error("the launcher stays after the widget loaded")
				}
			}
		})
	}
}

// TestLauncherKeyboard: the launcher is a button reached with Tab, named by
// its (translated) label; Enter loads the widget and opens the chat.
// With focus intent, focusing it already loads the widget, without
// opening the chat.
func TestLauncherKeyboard(t *testing.T) {
	srv := loadSite(t)
	t.Run("enter", func(t *testing.T) {
		p, n := openWatched(t, srv, "/?load=interaction&label="+strings.ReplaceAll("Écrivez-nous", " ", "+"))
		p.Do("document.getElementById('first').focus()")
		if err := chromedp.Do(p.Context(), chromedp.KeyEvent("\t")); err != nil {
			t.Fatal(err)
		}
		got := e2e.Eval[[]string](p, "[document.activeElement.tagName, document.activeElement.className, document.activeElement.textContent]")
		if !slices.Equal(got, []string{"BUTTON", "jivokit-launcher", "Écrivez-nous"}) {
			t.Fatalf("Tab focused %q, want the launcher", got)
		}
		quiet(p)
		if n.widget() != 0 {
			t.Fatal("focus loaded the widget without focus intent")
		}
		if err := chromedp.Do(p.Context(), chromedp.KeyEvent("\r")); err != nil {
			t.Fatal(err)
		}
		p.WaitState(jsapi.ChatState("chat"))
		if n.widget() != 1 {
			t.Errorf("%d widget requests", n.widget())
		}
	})
	t.Run("focus intent", func(t *testing.T) {
		p, n := openWatched(t, srv, "/?load=interaction&intent=focus")
		p.Do("document.getElementById('first').focus()")
		if err := chromedp.Do(p.Context(), chromedp.KeyEvent("\t")); err != nil {
			t.Fatal(err)
		}
		p.WaitLoaded()
		if n.widget() != 1 {
			t.Errorf("%d widget requests", n.widget())
		}
		if s := e2e.Eval[string](p, "jivokitStub.state()"); s != "label" {
			t.Errorf("focus opened the chat: state %q", s)
		}
	})
}

// TestTrackPages: a single-page app's navigation sends one sendPageTitle
// per URL change, with the title set just after the change; a
// replaceState to the same URL sends nothing, a burst sends once; one
// made before the widget loaded queues and replays.
func TestTrackPages(t *testing.T) {
	srv := loadSite(t)
	p, _ := openWatched(t, srv, "/?load=consent&track")
	// Before load: queued.
	p.Do(`history.pushState({}, '', '/spa/before'); document.title = 'Before'`)
	quiet(p)
	p.Do("jivokit.load()")
	p.WaitLoaded()
	p.WaitStubCalls(1)
	p.Do(`history.pushState({}, '', '/spa/a'); document.title = 'Page A'`)
	p.Do(`new Promise((r) => setTimeout(r, 300))`)
	p.Do(`history.replaceState({}, '', '/spa/a')`) // the same URL
	p.Do(`new Promise((r) => setTimeout(r, 300))`)
	p.Do(`history.pushState({}, '', '/spa/x'); history.pushState({}, '', '/spa/y'); history.replaceState({}, '', '/spa/b'); document.title = 'Page B'`)
	p.Do(`new Promise((r) => setTimeout(r, 300))`)
	p.Do(`location.hash = 'part'`)
	p.Do(`new Promise((r) => setTimeout(r, 300))`)
	p.Do(`history.back()`) // popstate, back to /spa/b
	p.Do(`new Promise((r) => setTimeout(r, 400))`)
	var got []string
	for _, c := range p.StubCallsOf("sendPageTitle") {
		var title, url string
		var fromAPI bool
		c.Arg(0, &title)
		c.Arg(1, &fromAPI)
		c.Arg(2, &url)
		got = append(got, title+" "+strconv.FormatBool(fromAPI)+" "+strings.TrimPrefix(url, srv.URL))
	}
	want := []string{"Before true /spa/before", "Page A true /spa/a", "Page B true /spa/b", "Page B true /spa/b#part", "Page B true /spa/b"}
	if !slices.Equal(got, want) {
		t.Errorf("sendPageTitle calls\n%q\nwant\n%q", got, want)
	}
}

// TestWithdrawInBrowser: a Go call whose ctx ends before the widget loads
// never reaches it, while a call that waited is made; jivo.Load starts a
// held widget, and CurrentPhase follows it.
func TestWithdrawInBrowser(t *testing.T) {
	s := newSite(t, driver)
	p := openDriver(t, s, "load=consent")
	if r := goCall(t, p, "phase"); r.Value != `"not-requested"` {
		t.Errorf("phase before load: %+v", r)
	}
	p.Do(`goCall("startCall", 30)`)
	p.WaitFor(`goResults.length === 2`)
	if r := e2e.Eval[goResult](p, "goResults[1]"); r.OK || !strings.Contains(r.Error, "widget did not load") {
		t.Errorf("startCall with a short ctx: %+v", r)
	}
	p.Do(`goCall("close")`)
	if r := goCall(t, p, "load"); !r.OK {
		t.Fatalf("Load: %+v", r)
	}
	p.WaitFor(`goResults.length === 4`)
	if r := goCall(t, p, "phase"); r.Value != `"loaded"` {
		t.Errorf("phase after Load: %+v", r)
	}
	if got := methods(p.StubCalls()); !slices.Equal(got, []string{"close"}) {
		t.Errorf("the widget got %q, want only close: the withdrawn startCall must never reach it", got)
	}
}

// TestLauncherStyle: a site's rule for every button does not restyle the
// launcher (no white text on a white button), while its own rule for
// .jivokit-launcher wins over the default style.
func TestLauncherStyle(t *testing.T) {
	srv := loadSite(t)
	p, _ := openWatched(t, srv, "/?load=interaction&sitecss")
	p.WaitFor(`document.querySelector('.jivokit-launcher') !== null`)
	got := e2e.Eval[[]string](p, `(() => { const s = getComputedStyle(document.querySelector('.jivokit-launcher')); return [s.backgroundColor, s.color, s.borderTopLeftRadius]; })()`)
	if want := []string{"rgb(30, 136, 229)", "rgb(255, 255, 255)", "4px"}; !slices.Equal(got, want) {
		t.Errorf("launcher background, color, radius = %q, want %q", got, want)
	}
}

// TestOwnLauncher: a page's own element with data-jivokit-launcher, after
// the snippet in the document, replaces the default button.
func TestOwnLauncher(t *testing.T) {
	srv := loadSite(t)
	p, n := openWatched(t, srv, "/?load=interaction&own")
	quiet(p)
	if c := e2e.Eval[int](p, "document.querySelectorAll('.jivokit-launcher').length"); c != 0 || n.widget() != 0 {
		t.Fatalf("%d default launchers, %d widget requests; want none", c, n.widget())
	}
	p.Click("#own")
	p.WaitState(jsapi.ChatState("chat"))
	if n.widget() != 1 {
		t.Errorf("%d widget requests", n.widget())
	}
}
