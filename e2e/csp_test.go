package e2e_test

import (
	"bytes"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/a-h/templ"

	"github.com/jivokit/jivokit/e2e"
	"github.com/jivokit/jivokit/internal/cli/snippetcmd"
	"github.com/jivokit/jivokit/jsapi"
	"github.com/jivokit/jivokit/stub"
	"github.com/jivokit/jivokit/templates"
	"github.com/jivokit/jivokit/templates/stubwidget"
)

// recorderJS records the page's CSP violations in window.violations and
// the jivokit:failure events in window.heard.
const recorderJS = `window.violations=[];document.addEventListener('securitypolicyviolation',function(e){violations.push({uri:e.blockedURI,dir:e.effectiveDirective,src:e.sourceFile||'',line:e.lineNumber})});` +
	`window.heard=[];addEventListener('jivokit:failure',function(e){heard.push(e.detail)});`

// queueJS, after the snippet, queues a call before the widget can load.
const queueJS = `window.queued=jivokit.call('setUserToken','tok-1');`

// cspSite serves pages whose widget is the stub, which loads the vendor's
// way (its loader reads the nonce with getAttribute, so blank under a
// header policy, and runs its bundle as an inline script in a same-origin
// iframe), under a Content-Security-Policy sent as a header. /page query:
// load (the strategy), csp ("nonce", "hash": templates' policy with a
// nonce or with hashes only; "old", "oldhash": 'self', the vendor's hosts
// and the nonce or the hashes, without 'strict-dynamic'), src (where the
// stub is loaded from; default stub.Path), failure (a stub.Failure), never
// (the stub loads only on jivokitStub.load()), timeout (load_timeout, ms),
// fallback (a fallback link).
func cspSite(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.Handle("/jivokit/", stub.Handler())
	// /snippet: the page and policy `jivokit snippet -stub` prints, with
	// -nonce when nonce is given.
	mux.HandleFunc("/snippet", func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		args := []string{"-widget-id", "AbCdEf1234", "-stub", "-load", q.Get("load"), "-name", "Ann", "-email", "ann@example.com"}
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
		o := stub.Options{Failure: stub.Failure(q.Get("failure")), NeverLoad: q.Has("never")}
		src := stub.Path
		if q.Has("src") {
			src = q.Get("src")
		}
		opts := []templates.Option{stubwidget.WithURL(src, o), templates.WithLoad(templates.Load(q.Get("load")))}
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
			policy = site.Merge(widget.Policy(), templates.Policy{"script-src": widget.ScriptHashes()}).WithHash(recorderJS).WithHash(queueJS)
		case "old", "oldhash":
			// What sites sent before: 'self', the vendor's hosts and the
			// nonce or the hashes, without 'strict-dynamic'.
			policy = templates.ParsePolicy("default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' code.jivosite.com *.jivosite.com *.jivo.ru")
			if q.Get("csp") == "old" {
				nonce = cspNonce()
				policy = policy.WithNonce(nonce)
			} else {
				policy = policy.Merge(templates.Policy{"script-src": widget.ScriptHashes()}).WithHash(recorderJS).WithHash(queueJS)
			}
		default:
			http.Error(w, "csp: nonce, hash, old or oldhash", http.StatusBadRequest)
			return
		}
		if nonce != "" {
			ctx = templ.WithNonce(ctx, nonce)
		}
		var b bytes.Buffer
		b.WriteString(`<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Shop</title>`)
		script := func(js string) {
			b.WriteString(`<script`)
			if nonce != "" {
				b.WriteString(` nonce="` + nonce + `"`)
			}
			b.WriteString(`>` + js + `</script>`)
		}
		script(recorderJS)
		b.WriteString(`</head><body><h1>A shop</h1>`)
		v := templates.Visitor{Config: jsapi.PageConfig{
			ContactInfo: &jsapi.ContactInfo{Name: "Ann", Email: "ann@example.com"},
			CustomData:  []jsapi.CustomField{{Title: "Plan", Content: "Pro"}},
		}}
		if err := widget.Snippet(v).Render(ctx, &b); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		if q.Has("queue") {
			script(queueJS)
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
// nonce and with hashes only, the stub, loading the vendor's way, loads in
// every strategy, the visitor's configuration reaches it, and the only
// violation is the iframe's javascript:void(0) (which the e2e package
// always lets pass).
func TestCSPVendorLoader(t *testing.T) {
	srv := cspSite(t)
	for _, csp := range []string{"nonce", "hash"} {
		for _, load := range templates.Loads {
			t.Run(csp+"/"+string(load), func(t *testing.T) {
				p := e2e.NewBrowser(t).Open(t, srv.URL+"/page?csp="+csp+"&load="+string(load))
				switch load {
				case templates.LoadInteraction:
					p.Click(".jivokit-launcher")
				case templates.LoadConsent:
					p.Do("jivokit.load(), 1")
				}
				p.WaitLoaded()
				p.WaitFor(`jivokit.phase === 'loaded'`)
				if !e2e.Eval[bool](p, `!!document.querySelector('#jivo-iframe-container > iframe#jivo_container') && !!document.querySelector('jdiv')`) {
					t.Error("no iframe#jivo_container in #jivo-iframe-container, or no <jdiv>")
				}
				if e2e.Eval[bool](p, `[...document.scripts].some((s) => s.src.includes('/jivokit/') && s.getAttribute('nonce'))`) {
					t.Error("a script of the widget's shows its nonce to getAttribute: the policy was not a header's")
				}
				var got []string
				for _, c := range p.StubCalls() {
					args, _ := json.Marshal(c.Args)
					got = append(got, c.Method+" "+string(args))
				}
				want := []string{
					`setContactInfo [{"name":"Ann","email":"ann@example.com"}]`,
					`setCustomData [[{"content":"Pro","title":"Plan"}]]`,
				}
				if load == templates.LoadInteraction {
					want = append(want, "open []")
				}
				if strings.Join(got, "\n") != strings.Join(want, "\n") {
					t.Errorf("the widget got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
				}
				// The only violation: the iframe's javascript:void(0).
				for _, v := range e2e.Eval[[]map[string]any](p, `violations`) {
					if v["uri"] != "inline" || !strings.HasPrefix(v["dir"].(string), "script-src") || !strings.Contains(v["src"].(string), "/jivokit/") {
						t.Errorf("violation %v", v)
					}
				}
				if e2e.Eval[bool](p, "jivokit.failure !== null") {
					t.Errorf("failure %v", e2e.Eval[any](p, "jivokit.failure"))
				}
			})
		}
	}
}

// TestCSPSnippetCommand: the snippet and the policy `jivokit snippet`
// prints (-csp -site-csp, with hashes only and with a nonce), sent as a
// page and its header, run the stub the vendor's way.
func TestCSPSnippetCommand(t *testing.T) {
	srv := cspSite(t)
	for _, q := range []string{"load=eager", "load=consent&nonce=c3RhdGljTm9uY2U"} {
		t.Run(q, func(t *testing.T) {
			p := e2e.NewBrowser(t).Open(t, srv.URL+"/snippet?"+q)
			if strings.Contains(q, "consent") {
				p.Do("jivokit.load(), 1")
			}
			p.WaitLoaded()
			calls := p.StubCallsOf("setContactInfo")
			var ci jsapi.ContactInfo
			if len(calls) != 1 || calls[0].Arg(0, &ci) != nil || ci.Name != "Ann" || ci.Email != "ann@example.com" {
				t.Errorf("setContactInfo calls %v", calls)
			}
		})
	}
}

// failurePage opens a page of cspSite whose widget is expected to fail,
// with the console messages that failure brings allowed.
func failurePage(t *testing.T, url string, allow ...string) *e2e.Page {
	t.Helper()
	opts := []e2e.Option{e2e.WithAllowedConsole(`^jivokit: load: Error: the widget did not load: `)}
	for _, a := range allow {
		opts = append(opts, e2e.WithAllowedConsole(a))
	}
	return e2e.NewBrowser(t).Open(t, url, opts...)
}

// checkFailure waits for the failure and checks what the page shows of it:
// jivokit.failure's reason, the window's jivokit:failure event, the
// refused queued call and a later one, and the fallback link in the
// launcher's place, nothing busy.
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

// TestLoadFailureScriptError: the widget's script does not load (404):
// reason "script-error"; the interaction launcher becomes the fallback.
func TestLoadFailureScriptError(t *testing.T) {
	srv := cspSite(t)
	p := failurePage(t, srv.URL+"/page?queue&csp=nonce&load=interaction&fallback&src=/jivokit/missing.js",
		`404 \(Not Found\)`, `^Refused to execute script from '.*/jivokit/missing\.js'`)
	p.Click(".jivokit-launcher")
	checkFailure(t, p, "script-error", "/jivokit/missing.js")
}

// TestLoadFailureCSP: the page's policy refuses the widget's script (an
// older policy of hashes without 'strict-dynamic' that lacks the widget's
// host): reason "csp".
func TestLoadFailureCSP(t *testing.T) {
	srv := cspSite(t)
	// The same server by another host name, which the policy does not list.
	other := strings.Replace(srv.URL, "127.0.0.1", "localhost", 1)
	p := failurePage(t, srv.URL+"/page?queue&csp=oldhash&load=consent&fallback&src="+other+stub.Path,
		`Loading the script '.*' violates the following Content Security Policy directive`)
	p.Do("jivokit.load(), 1")
	checkFailure(t, p, "csp", "refused "+other+stub.Path)
}

// TestLoadFailureTimeout: a widget that has not loaded within the timeout
// gives reason "timeout": the vendor's bundle, run as an inline script in
// its iframe, refused by an older policy without 'strict-dynamic' (as
// before jivokit added it), and each of the vendor's silent no-load paths.
// A widget that loads after all then moves the phase to "loaded", takes
// the fallback away and gets the calls.
func TestLoadFailureTimeout(t *testing.T) {
	srv := cspSite(t)
	t.Run("inline bundle refused", func(t *testing.T) {
		p := failurePage(t, srv.URL+"/page?queue&csp=old&load=eager&fallback&timeout=1500", `Executing inline script violates the following Content Security Policy directive`)
		checkFailure(t, p, "timeout", "not loaded within 1500 ms")
		if e2e.Eval[bool](p, `!!window.jivo_api`) {
			t.Error("the widget ran under the older policy")
		}
	})
	for _, f := range []stub.Failure{stub.FailDeleted, stub.FailConfig} {
		t.Run(string(f), func(t *testing.T) {
			p := failurePage(t, srv.URL+"/page?queue&csp=nonce&load=eager&fallback&timeout=1500&failure="+string(f), `status of 503 \(Service Unavailable\)`)
			checkFailure(t, p, "timeout", "not loaded within 1500 ms")
		})
	}
	t.Run("late load", func(t *testing.T) {
		p := failurePage(t, srv.URL+"/page?queue&csp=nonce&load=eager&fallback&timeout=300&never")
		checkFailure(t, p, "timeout", "not loaded within 300 ms")
		p.Stub("load")
		p.WaitLoaded()
		p.WaitFor(`jivokit.phase === 'loaded'`)
		if e2e.Eval[bool](p, `jivokit.failure !== null || !!document.querySelector('.jivokit-launcher')`) {
			t.Error("the failure or the fallback link stayed after the widget loaded")
		}
		p.Do(`jivokit.invoke('open').then(() => 1)`)
		var got []string
		for _, c := range p.StubCalls() {
			got = append(got, c.Method)
		}
		if strings.Join(got, " ") != "setContactInfo setCustomData open" {
			t.Errorf("the widget got %v: want the configuration, then open", got)
		}
	})
}
