package e2e

import (
	"html"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/jivokit/jivokit/stub"
)

// vendorSite serves pages that load the stub the vendor's way, and records
// every request the stub's handler answers. A page's query gives its
// script's attributes (data-*, jv-id, nonce), its title (title), a header
// policy (csp: the script-src sources, the page's nonce is "N0nce"), a
// page script that runs first (pre) and a slow image (slow=ms) that holds
// back the load event.
type vendorSite struct {
	*httptest.Server
	mu   sync.Mutex
	reqs []string
}

func newVendorSite(t *testing.T) *vendorSite {
	s := &vendorSite{}
	h := stub.Handler()
	mux := http.NewServeMux()
	mux.Handle("/jivokit/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.reqs = append(s.reqs, r.URL.RequestURI())
		s.mu.Unlock()
		h.ServeHTTP(w, r)
	}))
	mux.HandleFunc("/slow.png", func(w http.ResponseWriter, r *http.Request) {
		ms, _ := strconv.Atoi(r.URL.Query().Get("ms"))
		time.Sleep(time.Duration(min(ms, 2000)) * time.Millisecond)
		w.Header().Set("Content-Type", "image/gif")
		w.Write([]byte("GIF89a\x01\x00\x01\x00\x00\x00\x00;"))
	})
	// The static site: only the file `jivokit snippet -print-stub` writes.
	mux.HandleFunc("/static/stub.js", func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.reqs = append(s.reqs, r.URL.RequestURI())
		s.mu.Unlock()
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Write([]byte(stub.StaticScript))
	})
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		var b strings.Builder
		b.WriteString(`<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>` + html.EscapeString(q.Get("title")) + `</title></head><body><p>page</p>`)
		b.WriteString(`<script nonce="N0nce">window.seen = {jBeforeunload: 0, loads: 0}; addEventListener("jBeforeunload", () => seen.jBeforeunload++); addEventListener("load", () => { seen.loadAt = performance.now(); }); window.jivo_onLoadCallback = () => { seen.loads++; seen.loadedAt = performance.now(); };` + q.Get("pre") + `</script>`)
		if ms := q.Get("slow"); ms != "" {
			b.WriteString(`<img src="/slow.png?ms=` + html.EscapeString(ms) + `" alt="">`)
		}
		src := stub.Path
		if q.Get("static") != "" {
			src = "/static/stub.js"
		}
		b.WriteString(`<script src="` + src + `"`)
		for k, v := range q {
			if strings.HasPrefix(k, "data-") || k == "jv-id" || k == "nonce" {
				b.WriteString(" " + k + `="` + html.EscapeString(v[0]) + `"`)
			}
		}
		b.WriteString("></script></body></html>")
		if q.Has("csp") {
			w.Header().Set("Content-Security-Policy", "script-src 'nonce-N0nce' "+q.Get("csp")+"; object-src 'none'; base-uri 'none'")
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(b.String()))
	})
	s.Server = httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

// requests returns the paths requested so far that match re.
func (s *vendorSite) requests(re string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for _, r := range s.reqs {
		if regexp.MustCompile(re).MatchString(r) {
			out = append(out, r)
		}
	}
	return out
}

func (s *vendorSite) page(query string) string { return s.URL + "/page?" + query }

func TestStubVendorLoad(t *testing.T) {
	site := newVendorSite(t)
	b := NewBrowser(t)
	p := b.Open(t, site.page(vendorOptions+"&nonce=N0nce&slow=300"))
	// enable_bundle_wait: the bundle waits for the visitor's first move.
	p.WaitFor(`jivokitStub.loader().step === 'waiting for a scroll or mousemove'`)
	if p.StubLoader().Tries["bundle"] != 0 || len(site.requests(`/js/bundle_`)) != 0 {
		t.Error("the bundle did not wait")
	}
	p.Do(`dispatchEvent(new MouseEvent('mousemove'))`)
	p.WaitLoaded()

	// The vendor's network pattern, in order, after the stub's own script.
	site.mu.Lock()
	reqs := slices.Clone(site.reqs)
	site.mu.Unlock()
	sid := strconv.Itoa(stub.SiteID("AbCdEf1234"))
	want := []string{stub.Path, stub.ConfigPath + "AbCdEf1234?locale=pt_BR&bundle_wait=1&stop_words=casino%2Cpoker",
		stub.StatusPath + sid + "/AbCdEf1234?online=0", stub.BundlePath + "pt_BR.js"}
	if !slices.Equal(reqs, want) {
		t.Errorf("requests\n%q\nwant\n%q", reqs, want)
	}

	// Load-event timing: the slow image holds back the load event, and
	// jivo_onLoadCallback comes after it.
	type seen struct {
		JBeforeunload int     `json:"jBeforeunload"`
		Loads         int     `json:"loads"`
		LoadAt        float64 `json:"loadAt"`
		LoadedAt      float64 `json:"loadedAt"`
	}
	s := Eval[seen](p, "window.seen")
	if s.LoadAt < 250 || s.LoadedAt < s.LoadAt || s.Loads != 1 {
		t.Errorf("load event at %.0f ms, jivo_onLoadCallback at %.0f ms (%d times): want it after a load event held back 300 ms", s.LoadAt, s.LoadedAt, s.Loads)
	}

	// The DOM: the bundle in <head> (async, with the nonce the attribute
	// showed), the hidden iframe with its inline script, the <jdiv> widget.
	type dom struct {
		Bundle          string  `json:"bundle"`
		BundleAsync     bool    `json:"bundleAsync"`
		BundleNonce     string  `json:"bundleNonce"`
		ContainerParent string  `json:"containerParent"`
		Opacity         string  `json:"opacity"`
		Width           float64 `json:"width"`
		Height          float64 `json:"height"`
		Frame           string  `json:"frame"`
		FrameScript     string  `json:"frameScript"`
		JdivParent      string  `json:"jdivParent"`
		JdivVisible     bool    `json:"jdivVisible"`
		Config          string  `json:"config"`
		Magic           bool    `json:"magic"`
	}
	d := Eval[dom](p, `(() => {
		const bundle = document.querySelector('head script[src*="/js/bundle_"]');
		const box = document.getElementById('jivo-iframe-container');
		const f = box && box.querySelector('iframe');
		const j = document.getElementById('jivokit-stub-jdiv');
		const r = box.getBoundingClientRect();
		return {
			bundle: bundle ? new URL(bundle.src).pathname : '', bundleAsync: !!(bundle && bundle.async), bundleNonce: bundle ? bundle.getAttribute('nonce') || '' : '',
			containerParent: box.parentNode.tagName, opacity: getComputedStyle(box).opacity, width: r.width, height: r.height,
			frame: f ? [f.id, f.title, f.getAttribute('src')].join(' ') : '',
			frameScript: f ? [...f.contentDocument.scripts].map((s) => s.text).join(';') : '',
			jdivParent: j ? j.parentNode.tagName : '', jdivVisible: !!j && j.tagName === 'JDIV' && j.getBoundingClientRect().width > 0 && !box.contains(j),
			config: window.jivo_config.widget_id + ' ' + window.jivo_config.site_id + ' ' + window.jivo_config.chat_mode,
			magic: window.jivo_magic_var === true,
		};
	})()`)
	wantDOM := dom{Bundle: stub.BundlePath + "pt_BR.js", BundleAsync: true, BundleNonce: "N0nce", ContainerParent: "BODY", Opacity: "0",
		Frame: "jivo_container Jivochat javascript:void(0)", FrameScript: "parent.__jivokitStubLoader.boot(window)",
		JdivParent: "BODY", JdivVisible: true, Config: "AbCdEf1234 " + sid + " offline", Magic: true}
	handlerConfig := Eval[string](p, `JSON.stringify(window.jivo_config)`)
	if d != wantDOM {
		t.Errorf("DOM\n%+v\nwant\n%+v", d, wantDOM)
	}

	// jivo_destroy: jBeforeunload, jivo_magic_var deleted, the widget gone,
	// the container 10 ms later; jivo_init loads it again.
	type gone struct {
		Magic, Jdiv, Container, API bool
	}
	g := Eval[gone](p, `(() => { jivo_destroy(); return {Magic: 'jivo_magic_var' in window, Jdiv: !!document.getElementById('jivokit-stub-jdiv'), Container: !!document.getElementById('jivo-iframe-container'), API: !!window.jivo_api}; })()`)
	if g != (gone{Container: true}) {
		t.Errorf("right after jivo_destroy: %+v, want only the container left", g)
	}
	p.WaitFor(`!document.getElementById('jivo-iframe-container') && seen.jBeforeunload === 1`)
	p.Do(`jivo_init()`)
	p.WaitFor(`seen.loads === 2 && !!document.getElementById('jivo-iframe-container') && window.jivo_magic_var === true`)
	p.Do(`jivo_init()`) // loaded: it loads again all the same
	p.WaitFor(`seen.loads === 3 && seen.jBeforeunload === 3 && document.querySelectorAll('#jivo-iframe-container').length === 1`)
	if n := len(site.requests(`/script/widget/config/`)); n != 3 {
		t.Errorf("%d config requests after two jivo_init, want 3", n)
	}

	// A site that serves only the file `jivokit snippet -print-stub` writes
	// gets the same mechanics and the same config, made in the page; with
	// 'strict-dynamic' a header nonce policy lets the bundle's inline script
	// run, though the loader saw no nonce.
	site.mu.Lock()
	site.reqs = nil
	site.mu.Unlock()
	q := b.Open(t, site.page(vendorOptions+"&static=1&nonce=N0nce&csp="+urlQuery("'strict-dynamic'")))
	q.WaitFor(`jivokitStub.loader().step === 'waiting for a scroll or mousemove'`)
	q.Do(`dispatchEvent(new Event('scroll'))`)
	q.WaitLoaded()
	if got := site.requests(`.`); !slices.Equal(got, []string{"/static/stub.js"}) {
		t.Errorf("requests %q, want the stub's file only", got)
	}
	if got := q.StubLoader().Mode; got != "page" {
		t.Errorf("mode %q, want page", got)
	}
	if !Eval[bool](q, `!!document.querySelector('#jivo-iframe-container > iframe#jivo_container') && !!window.jivo_api`) {
		t.Error("no iframe or jivo_api")
	}
	if s := Eval[string](q, `document.querySelector('script[src="/static/stub.js"]').getAttribute('nonce')`); s != "" {
		t.Errorf("under a header CSP the nonce attribute reads %q, want it hidden", s)
	}
	if got := Eval[string](q, `JSON.stringify(window.jivo_config)`); got != handlerConfig {
		t.Errorf("jivo_config\nfrom stub.Handler %s\nmade in the page %s", handlerConfig, got)
	}
}

// vendorOptions are the stub options of TestStubVendorLoad's pages.
const vendorOptions = "jv-id=AbCdEf1234&data-locale=pt_BR&data-bundle-wait&data-stop-words=casino,poker&data-offline"

func TestStubVendorNoLoad(t *testing.T) {
	site := newVendorSite(t)
	for _, tc := range []struct {
		name, query, reason, console, allow string
	}{
		{"invalid id", "jv-id=abc123XYZ", "invalid-id", "Widget id is not valid.", `^Widget id is not valid\.$`},
		{"stop words", "data-stop-words=casino&title=Best+casino", "stop-words", "Init error, code 1015", `^Init error, code 1015$`},
		{"csp-blocked", "data-failure=csp-blocked", "csp-blocked", "Widget not loaded due CSP security policy.", `^Widget not loaded due CSP`},
		{"a real CSP refuses the bundle", "nonce=N0nce&csp=", "csp-blocked", "Widget not loaded due CSP security policy.", `^Widget not loaded due CSP|violates the following Content Security Policy`},
		{"mobile-disabled", "data-failure=mobile-disabled&mobile=1", "mobile-disabled", "", ""},
		{"host-blacklisted", "data-failure=host-blacklisted", "host-blacklisted", "", ""},
		{"config-failing", "data-failure=config-failing", "config-failing", "", `status of 503`},
		{"maintenance", "data-failure=maintenance", "maintenance", "", `status of 480`},
		{"deleted", "data-failure=deleted&jv-id=1111111111", "deleted", "", ""},
		{"unknown failure mode", "data-failure=blocked", "", `data-failure="blocked" is not one of deleted, mobile-disabled`, `is not one of`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel() // tabs of one browser
			var opts []Option
			if tc.allow != "" {
				opts = append(opts, WithAllowedConsole(tc.allow))
			}
			p := NewBrowser(t, opts...).Open(t, site.page(tc.query))
			if strings.Contains(tc.query, "mobile=1") {
				// A desktop loads it; the same page under a phone's user agent does not.
				p.WaitLoaded()
				if _, err := chromedp.Call(p.Context(), emulation.SetUserAgentOverride, emulation.SetUserAgentOverrideParams{UserAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148"}); err != nil {
					t.Fatal(err)
				}
				if _, err := chromedp.Run(p.Context(), chromedp.Reload()); err != nil {
					t.Fatal(err)
				}
			}
			p.WaitFor(`jivokitStub.phase() === 'never'`)
			info := p.StubLoader()
			if tc.reason != "" && info.Reason != tc.reason {
				t.Errorf("reason %q, want %q (%+v)", info.Reason, tc.reason, info)
			}
			if Eval[bool](p, `!!window.jivo_api || !!document.getElementById('jivo-iframe-container') || !!document.getElementById('jivokit-stub-jdiv') || seen.loads > 0`) {
				t.Error("something loaded")
			}
			var msgs []string
			for _, m := range p.Console() {
				if m.Type == "error" {
					msgs = append(msgs, m.Text)
				}
			}
			if tc.console == "" && len(msgs) > 0 || tc.console != "" && !slices.ContainsFunc(msgs, func(s string) bool { return strings.Contains(s, tc.console) }) {
				t.Errorf("console errors %q, want %q", msgs, tc.console)
			}
			switch tc.name {
			case "config-failing":
				if n := len(site.requests(`failure=config-failing`)); n != 5 {
					t.Errorf("%d config requests, want 5", n)
				}
			case "deleted":
				// Remembered: the next page of this browser loads nothing
				// and asks for no config.
				before := len(site.requests(`/script/widget/config/1111111111`))
				if _, err := chromedp.Run(p.Context(), chromedp.Navigate(site.page("jv-id=1111111111"))); err != nil {
					t.Fatal(err)
				}
				p.WaitFor(`jivokitStub.phase() === 'never' && jivokitStub.loader().reason === 'deleted'`)
				if after := len(site.requests(`/script/widget/config/1111111111`)); after != before {
					t.Errorf("the remembered deletion still asked for the config")
				}
			}
		})
	}
}

func urlQuery(s string) string {
	r := strings.NewReplacer("%", "%25", "&", "%26", "+", "%2B", " ", "%20", "#", "%23", "=", "%3D", "'", "%27")
	return r.Replace(s)
}
