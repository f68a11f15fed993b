package e2e_test

import (
	"bytes"
	"crypto/rand"
	"encoding/base64"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/a-h/templ"

	"github.com/jivokit/jivokit/e2e"
	"github.com/jivokit/jivokit/internal/cli/snippetcmd"
	"github.com/jivokit/jivokit/jsapi"
	"github.com/jivokit/jivokit/templates"
)

// vendorScript is a templates.ScriptSource for the vendor-like loader of
// testdata/vendorlike, served by vendorSite.
type vendorScript string

func (v vendorScript) WidgetScript() (string, map[string]string, error) { return string(v), nil, nil }

// The violation a strict policy reports for the vendor's iframe#jivo_container
// (src javascript:void(0)): the only one accepted, as it does nothing.
const iframeViolation = `^Running the JavaScript URL violates the following Content Security Policy directive`

// recorderJS records the page's CSP violations in window.violations.
const recorderJS = `window.violations=[];document.addEventListener('securitypolicyviolation',function(e){violations.push({uri:e.blockedURI,dir:e.effectiveDirective,src:e.sourceFile||'',line:e.lineNumber})});`

// vendorSite serves pages whose widget is the vendor-like loader, under a
// Content-Security-Policy sent as a header. /page query: load (the
// strategy), csp ("nonce", "hash": templates' policy with a nonce or with
// hashes only; "old", "oldhash": 'self', the vendor's hosts and the nonce
// or the hashes, without 'strict-dynamic'),
// src (the widget script's URL; default the vendor-like loader), timeout
// (load_timeout, ms), fallback (a fallback link). The vendor-like loader
// is at /vendor/widget/ID, its bundle at /vendor/js/bundle_en.js.
func vendorSite(t *testing.T) *httptest.Server {
	t.Helper()
	files := map[string]string{}
	for path, file := range map[string]string{"/vendor/widget/": "loader.js", "/vendor/js/bundle_en.js": "bundle.js"} {
		data, err := os.ReadFile("testdata/vendorlike/" + file)
		if err != nil {
			t.Fatal(err)
		}
		files[path] = string(data)
	}
	mux := http.NewServeMux()
	for path, js := range files {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/javascript")
			w.Write([]byte(js))
		})
	}
	// /snippet: the page and policy `jivokit snippet` prints, for the
	// vendor-like loader (as -stub-url), with -nonce when nonce is given.
	mux.HandleFunc("/snippet", func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		args := []string{"-widget-id", "AbCdEf1234", "-stub", "-stub-url", "/vendor/widget/AbCdEf1234", "-load", q.Get("load"), "-name", "Ann", "-email", "ann@example.com"}
		if q.Has("nonce") {
			args = append(args, "-nonce", q.Get("nonce"))
		}
		var html, policy, errOut bytes.Buffer
		ctx := r.Context()
		if snippetcmd.Run(ctx, strings.NewReader(""), &html, &errOut, args) != 0 ||
			snippetcmd.Run(ctx, strings.NewReader(""), &policy, &errOut, append(args, "-csp", "-site-csp", "default-src 'self'; img-src 'self' data:; object-src 'none'")) != 0 {
			http.Error(w, errOut.String(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Security-Policy", strings.TrimSpace(policy.String()))
		w.Write([]byte(`<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Static</title></head><body><h1>A static page</h1>` + html.String() + `</body></html>`))
	})
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		src := "/vendor/widget/AbCdEf1234"
		if q.Has("src") {
			src = q.Get("src")
		}
		opts := []templates.Option{templates.WithScript(vendorScript(src)), templates.WithLoad(templates.Load(q.Get("load")))}
		if ms, err := strconv.Atoi(q.Get("timeout")); err == nil {
			opts = append(opts, templates.WithLoadTimeout(time.Duration(ms)*time.Millisecond))
		}
		if q.Has("fallback") {
			opts = append(opts, templates.WithFallback("mailto:help@shop.example", "E-mail us"))
		}
		widget, err := templates.NewWidget("AbCdEf1234", opts...)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		site := templates.ParsePolicy("default-src 'self'; img-src 'self' data:; base-uri 'none'; object-src 'none'")
		ctx := r.Context()
		nonce := ""
		var policy templates.Policy
		switch q.Get("csp") {
		case "nonce":
			nonce = cspNonce()
			policy = site.Merge(widget.Policy()).WithNonce(nonce)
		case "hash":
			policy = site.Merge(widget.Policy(), templates.Policy{"script-src": widget.ScriptHashes()}).WithHash(recorderJS)
		case "old", "oldhash":
			// What sites sent before: 'self', the vendor's hosts and the
			// nonce or the hashes, without 'strict-dynamic'.
			policy = templates.ParsePolicy("default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' code.jivosite.com *.jivosite.com *.jivo.ru")
			if q.Get("csp") == "old" {
				nonce = cspNonce()
				policy = policy.WithNonce(nonce)
			} else {
				policy = policy.Merge(templates.Policy{"script-src": widget.ScriptHashes()}).WithHash(recorderJS)
			}
		default:
			http.Error(w, "csp: nonce, hash or old", http.StatusBadRequest)
			return
		}
		if nonce != "" {
			ctx = templ.WithNonce(ctx, nonce)
		}
		var b bytes.Buffer
		b.WriteString(`<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Shop</title>`)
		b.WriteString(`<script`)
		if nonce != "" {
			b.WriteString(` nonce="` + nonce + `"`)
		}
		b.WriteString(`>` + recorderJS + `</script></head><body><h1>A shop</h1>`)
		v := templates.Visitor{Config: jsapi.PageConfig{
			ContactInfo: &jsapi.ContactInfo{Name: "Ann", Email: "ann@example.com"},
			CustomData:  []jsapi.CustomField{{Title: "Plan", Content: "Pro"}},
		}}
		if err := widget.Snippet(v).Render(ctx, &b); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
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

func cspNonce() string {
	b := make([]byte, 16)
	rand.Read(b)
	return base64.StdEncoding.EncodeToString(b)
}

// TestCSPVendorLoader: under templates' policy sent as a header, with a
// nonce and with hashes only, a loader that works the vendor's way (nonce
// read with getAttribute, so blank; bundle run as an inline script in a
// same-origin iframe) loads in every strategy, the visitor's
// configuration reaches it, and the only violation is the iframe's
// javascript:void(0).
func TestCSPVendorLoader(t *testing.T) {
	srv := vendorSite(t)
	for _, csp := range []string{"nonce", "hash"} {
		for _, load := range templates.Loads {
			t.Run(csp+"/"+string(load), func(t *testing.T) {
				p := e2e.NewBrowser(t).Open(t, srv.URL+"/page?csp="+csp+"&load="+string(load), e2e.WithAllowedConsole(iframeViolation))
				switch load {
				case templates.LoadInteraction:
					p.Click(".jivokit-launcher")
				case templates.LoadConsent:
					p.Do("jivokit.load()")
				}
				p.WaitFor(`jivokit.phase === 'loaded'`)
				if !e2e.Eval[bool](p, `!!document.querySelector('#jivo-iframe-container > iframe#jivo_container') && !!document.querySelector('jdiv.vendorlike-label')`) {
					t.Error("no iframe#jivo_container in #jivo-iframe-container, or no <jdiv> label")
				}
				if e2e.Eval[bool](p, `[...document.scripts].some((s) => s.src.includes('/vendor/') && s.getAttribute('nonce'))`) {
					t.Error("a script of the vendor's shows its nonce to getAttribute: the policy was not a header's")
				}
				calls := e2e.Eval[string](p, `JSON.stringify(vendorLike.calls)`)
				want := `[["setContactInfo",{"name":"Ann","email":"ann@example.com"}],["setCustomData",[{"content":"Pro","title":"Plan"}]]`
				if load == templates.LoadInteraction {
					want += `,["open"]`
				}
				if calls != want+"]" {
					t.Errorf("the widget got %s\nwant %s]", calls, want)
				}
				// The only violation: the iframe's javascript:void(0).
				violations := e2e.Eval[[]map[string]any](p, `violations`)
				for _, v := range violations {
					if v["uri"] != "inline" || !strings.HasPrefix(v["dir"].(string), "script-src") {
						t.Errorf("violation %v", v)
					}
				}
				if ph := e2e.Eval[string](p, "jivokit.phase"); ph != "loaded" || e2e.Eval[bool](p, "jivokit.failure !== null") {
					t.Errorf("phase %s, failure %v", ph, e2e.Eval[any](p, "jivokit.failure"))
				}
			})
		}
	}
}

// failurePage opens a page of vendorSite whose widget is expected to fail,
// with the console messages that failure brings allowed.
func failurePage(t *testing.T, url string, allow ...string) *e2e.Page {
	t.Helper()
	opts := []e2e.Option{e2e.WithAllowedConsole(iframeViolation), e2e.WithAllowedConsole(`^jivokit: load: Error: the widget did not load: `)}
	for _, a := range allow {
		opts = append(opts, e2e.WithAllowedConsole(a))
	}
	return e2e.NewBrowser(t).Open(t, url, opts...)
}

// checkFailure waits for the failure and checks what the page shows of it:
// jivokit.failure's reason, the window's jivokit:failure event, the
// refused queued call, and the fallback link in the launcher's place, not
// busy.
func checkFailure(t *testing.T, p *e2e.Page, reason, detail string) {
	t.Helper()
	p.WaitFor(`jivokit.phase === 'failed'`)
	if got := e2e.Eval[string](p, `jivokit.failure.reason`); got != reason {
		t.Errorf("failure reason %q, want %q", got, reason)
	}
	if got := e2e.Eval[string](p, `jivokit.failure.detail`); !strings.Contains(got, detail) {
		t.Errorf("failure detail %q, want it to hold %q", got, detail)
	}
	if got := e2e.Eval[string](p, `heard.map((f) => f.reason).join()`); got != reason {
		t.Errorf("the jivokit:failure event brought %q, want %q", got, reason)
	}
	if got := e2e.Eval[string](p, `queued.then((r) => r.reason + ' / ' + r.failure.reason)`); got != "the widget did not load: "+reason+" / "+reason {
		t.Errorf("the queued call got %q", got)
	}
	if got := e2e.Eval[string](p, `Promise.resolve(jivokit.call('open')).then((r) => r instanceof jivokit.JivoError ? r.reason : 'answered ' + r)`); got != "the widget did not load: "+reason {
		t.Errorf("a call after the failure got %q", got)
	}
	link := e2e.Eval[map[string]string](p, `(() => { const a = document.querySelector('a.jivokit-launcher'); return a ? {href: a.href, text: a.textContent, visible: String(a.offsetWidth > 0)} : {}; })()`)
	if link["href"] != "mailto:help@shop.example" || link["text"] != "E-mail us" || link["visible"] != "true" {
		t.Errorf("fallback link %v", link)
	}
	if n := e2e.Eval[int](p, `document.querySelectorAll('button.jivokit-launcher, [aria-busy=true]').length`); n != 0 {
		t.Errorf("%d busy launchers or buttons left", n)
	}
}

// queueJS, run on a page before the failure, queues a call and listens
// for the failure event.
const queueJS = `window.heard = []; addEventListener('jivokit:failure', (e) => heard.push(e.detail)); window.queued = jivokit.call('setUserToken', 'tok-1'); 1`

// TestLoadFailureScriptError: the widget's script does not load (404):
// reason "script-error".
func TestLoadFailureScriptError(t *testing.T) {
	srv := vendorSite(t)
	p := failurePage(t, srv.URL+"/page?csp=nonce&load=interaction&fallback&src=/vendor/missing.js",
		`404 \(Not Found\)`, `^Refused to execute script from '.*/vendor/missing\.js'`)
	p.Do(queueJS)
	p.Click(".jivokit-launcher")
	checkFailure(t, p, "script-error", "/vendor/missing.js")
}

// TestLoadFailureCSP: the page's policy refuses the widget's script (an
// older policy of hashes without 'strict-dynamic' that lacks the widget's
// host): reason "csp".
func TestLoadFailureCSP(t *testing.T) {
	srv := vendorSite(t)
	// The same server by another host name, which the policy does not list.
	other := strings.Replace(srv.URL, "127.0.0.1", "localhost", 1)
	p := failurePage(t, srv.URL+"/page?csp=oldhash&load=consent&fallback&src="+other+"/vendor/widget/AbCdEf1234", `Loading the script '.*' violates the following Content Security Policy directive`)
	p.Do(queueJS)
	p.Do("jivokit.load(), 1")
	checkFailure(t, p, "csp", "refused "+other+"/vendor/widget/AbCdEf1234")
}

// TestLoadFailureTimeoutThenLoad: a widget that has not loaded within the
// timeout (here the vendor's bundle, run as an inline script in its iframe,
// is refused by an older policy without 'strict-dynamic', as before jivokit
// added it): reason "timeout". Then a widget that loads after all moves
// the phase to "loaded", takes the fallback away and gets the calls.
func TestLoadFailureTimeoutThenLoad(t *testing.T) {
	srv := vendorSite(t)
	t.Run("inline bundle refused", func(t *testing.T) {
		p := failurePage(t, srv.URL+"/page?csp=old&load=eager&fallback&timeout=600", `Executing inline script violates the following Content Security Policy directive`)
		p.Do(queueJS)
		checkFailure(t, p, "timeout", "not loaded within 600 ms")
		if e2e.Eval[bool](p, `!!window.jivo_api`) {
			t.Error("the widget ran under the older policy")
		}
	})
	t.Run("late load", func(t *testing.T) {
		p := failurePage(t, srv.URL+"/page?csp=nonce&load=eager&fallback&timeout=300&src=/vendor/widget/AbCdEf1234?never")
		p.Do(queueJS)
		checkFailure(t, p, "timeout", "not loaded within 300 ms")
		p.Do(`vendorLikeLoad(), 1`)
		p.WaitFor(`jivokit.phase === 'loaded'`)
		if e2e.Eval[bool](p, `jivokit.failure !== null || !!document.querySelector('.jivokit-launcher')`) {
			t.Error("the failure or the fallback link stayed after the widget loaded")
		}
		if got := e2e.Eval[string](p, `jivokit.invoke('open').then(() => JSON.stringify(vendorLike.calls))`); !strings.HasSuffix(got, `["open"]]`) || !strings.Contains(got, `["setContactInfo",{"name":"Ann","email":"ann@example.com"}]`) {
			t.Errorf("the widget got %s: want the configuration, then open", got)
		}
	})
}

// TestCSPSnippetCommand: the snippet and the policy `jivokit snippet`
// prints (-csp -site-csp, with a nonce and with hashes only), sent as a
// page and its header, run a loader that works the vendor's way.
func TestCSPSnippetCommand(t *testing.T) {
	srv := vendorSite(t)
	for _, q := range []string{"load=eager", "load=consent&nonce=c3RhdGljTm9uY2U"} {
		t.Run(q, func(t *testing.T) {
			p := e2e.NewBrowser(t).Open(t, srv.URL+"/snippet?"+q, e2e.WithAllowedConsole(iframeViolation))
			if strings.Contains(q, "consent") {
				p.Do("jivokit.load(), 1")
			}
			p.WaitFor(`jivokit.phase === 'loaded'`)
			if got := e2e.Eval[string](p, `JSON.stringify(vendorLike.calls)`); got != `[["setContactInfo",{"name":"Ann","email":"ann@example.com"}]]` {
				t.Errorf("the widget got %s", got)
			}
		})
	}
}
