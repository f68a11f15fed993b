package e2e_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/base64"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/a-h/templ"

	"github.com/jivokit/jivokit/assets"
	"github.com/jivokit/jivokit/e2e"
	"github.com/jivokit/jivokit/internal/build/wasmbuild"
	"github.com/jivokit/jivokit/jsapi"
	"github.com/jivokit/jivokit/stub"
	"github.com/jivokit/jivokit/templates"
	"github.com/jivokit/jivokit/templates/stubwidget"
	"github.com/jivokit/jivokit/usertoken"
)

// app is a Go/WASM app of the tests, built once per test process into a
// directory of its own under the one TestMain makes and removes.
type app struct {
	name, pkg string
	once      sync.Once
	m         assets.Manifest
	err       error
}

var (
	// buildRoot holds the apps' build directories; TestMain sets it.
	buildRoot string
	// driver (testdata/driver) calls the bridge when a test asks.
	driver = &app{name: "driver", pkg: "./testdata/driver"}
	// example is the example app (wasm/example) the demo shows.
	example = &app{name: "example", pkg: "github.com/jivokit/jivokit/wasm/example"}
)

// build builds the app the first time and returns its directory and
// manifest.
func (a *app) build(t *testing.T) (string, assets.Manifest) {
	t.Helper()
	dir := filepath.Join(buildRoot, a.name)
	a.once.Do(func() {
		var stderr bytes.Buffer
		a.m, a.err = wasmbuild.Build(context.Background(), a.pkg,
			wasmbuild.Options{OutDir: dir, Quick: true, Stderr: &stderr})
		if a.err != nil {
			a.err = &buildError{a.err, stderr.String()}
		}
	})
	if a.err != nil {
		t.Fatal(a.err)
	}
	return dir, a.m
}

type buildError struct {
	err    error
	stderr string
}

func (e *buildError) Error() string { return e.err.Error() + "\n" + e.stderr }

// site is the test site: pages rendered by the templ components with the
// stub widget and one Go/WASM app, under a nonce-based CSP.
type site struct {
	*httptest.Server
	signer *usertoken.Signer
	app    templates.WASMApp // the app's loader, its files under /app/
}

// visitorConfig is the server-rendered configuration of ?config pages.
var visitorConfig = jsapi.PageConfig{
	ContactInfo: &jsapi.ContactInfo{Name: "Ann Lee", Email: "ann@example.com", Phone: "+14084987855"},
	CustomData:  []jsapi.CustomField{{Title: "Plan", Content: "Pro", Link: "https://example.com/a/1"}},
	WidgetColor: &jsapi.WidgetColor{Color: "#1e88e5"},
	Invitation:  &jsapi.Invitation{Text: "Need help with your order?", DepartmentID: 3},
}

const visitorID = "customer-42"

func newSite(t *testing.T, a *app) *site {
	t.Helper()
	e2e.NewBrowser(t) // skips (or fails in CI) before the build when there is no browser
	dir, m := a.build(t)
	loader, err := templates.WASMAppFromManifest("/app/", m)
	if err != nil {
		t.Fatal(err)
	}
	secret := make([]byte, 32)
	rand.Read(secret)
	signer, err := usertoken.NewSigner(secret)
	if err != nil {
		t.Fatal(err)
	}
	s := &site{signer: signer, app: loader}
	mux := http.NewServeMux()
	mux.Handle("/jivokit/", stub.Handler())
	mux.Handle("/app/", http.StripPrefix("/app/", assets.Handler(os.DirFS(dir))))
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) { s.page(t, w, r) })
	mux.HandleFunc("/bare", s.bare)
	s.Server = httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

// stubOptions reads a page's query: never-load (the stub loads only on
// jivokitStub.load()), delay=MS (the stub's load delay).
func stubOptions(q url.Values) stub.Options {
	opts := stub.Options{NeverLoad: q.Has("never-load")}
	if ms, err := strconv.Atoi(q.Get("delay")); err == nil {
		opts.LoadDelay = time.Duration(ms) * time.Millisecond
	}
	return opts
}

// page renders a test page with the stub widget's snippet and the app.
// Query: config (render visitorConfig for visitorID), early (the driver
// calls before load), load (the loading strategy), and the stub's
// (stubOptions).
func (s *site) page(t *testing.T, w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	opts := stubOptions(q)
	load := templates.LoadEager
	if q.Has("load") {
		load = templates.Load(q.Get("load"))
	}
	widget, err := templates.NewWidget("E2eWidget1", stubwidget.With(opts), templates.WithLoad(load),
		templates.WithVisitorTokens(s.signer, time.Hour),
		templates.WithErrorHandler(func(_ context.Context, err error) { t.Errorf("snippet left out: %v", err) }))
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	var v templates.Visitor
	if q.Has("config") {
		v = templates.Visitor{ID: visitorID, Config: visitorConfig}
	}
	nonce := newNonce()
	policy := templates.ParsePolicy("default-src 'self'; img-src 'self' data:; style-src 'self'; base-uri 'none'; object-src 'none'").
		Merge(widget.Policy(), templates.WASMPolicy(), strictDynamic).WithNonce(nonce)
	ctx := templ.WithNonce(r.Context(), nonce)

	var b bytes.Buffer
	b.WriteString(`<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>jivokit e2e</title>`)
	// A callback the page sets before the runtime loads: it must keep running.
	b.WriteString(`<script nonce="` + nonce + `">window.pageStates = []; window.jivo_onChangeState = function (s) { window.pageStates.push(s); };</script>`)
	b.WriteString(`</head><body><h1>jivokit end-to-end</h1><div id="jivokit-example"></div>`)
	err = widget.Snippet(v).Render(ctx, &b)
	if err == nil {
		err = s.app.Render(ctx, &b)
	}
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	b.WriteString(`</body></html>`)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Security-Policy", policy.String())
	w.Write(b.Bytes())
}

func newNonce() string {
	b := make([]byte, 16)
	rand.Read(b)
	return base64.StdEncoding.EncodeToString(b)
}
