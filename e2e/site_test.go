package e2e_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/base64"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/a-h/templ"

	"github.com/jivokit/jivokit/assets"
	"github.com/jivokit/jivokit/e2e"
	"github.com/jivokit/jivokit/internal/wasmbuild"
	"github.com/jivokit/jivokit/jsapi"
	"github.com/jivokit/jivokit/stub"
	"github.com/jivokit/jivokit/templates"
	"github.com/jivokit/jivokit/usertoken"
)

// built is the driver app (testdata/driver), built once per test process
// into a temporary directory TestMain makes and removes.
var built struct {
	once sync.Once
	dir  string
	m    assets.Manifest
	err  error
}

func driverApp(t *testing.T) (string, assets.Manifest) {
	t.Helper()
	built.once.Do(func() {
		var stderr bytes.Buffer
		built.m, built.err = wasmbuild.Build(context.Background(), "./testdata/driver",
			wasmbuild.Options{OutDir: built.dir, Quick: true, Stderr: &stderr})
		if built.err != nil {
			built.err = &buildError{built.err, stderr.String()}
		}
	})
	if built.err != nil {
		t.Fatal(built.err)
	}
	return built.dir, built.m
}

type buildError struct {
	err    error
	stderr string
}

func (e *buildError) Error() string { return e.err.Error() + "\n" + e.stderr }

// site is the test site: pages rendered by the templ components with the
// stub widget and the driver app, under a nonce-based CSP.
type site struct {
	*httptest.Server
	signer *usertoken.Signer
}

// visitorConfig is the server-rendered configuration of ?config pages.
var visitorConfig = jsapi.PageConfig{
	ContactInfo: &jsapi.ContactInfo{Name: "Ann Lee", Email: "ann@example.com", Phone: "+14084987855"},
	CustomData:  []jsapi.CustomField{{Title: "Plan", Content: "Pro", Link: "https://example.com/a/1"}},
	WidgetColor: &jsapi.WidgetColor{Color: "#1e88e5"},
	Invitation:  &jsapi.Invitation{Text: "Need help with your order?", DepartmentID: 3},
}

const visitorID = "customer-42"

func newSite(t *testing.T) *site {
	t.Helper()
	e2e.NewBrowser(t) // skips (or fails in CI) before the build when there is no browser
	dir, m := driverApp(t)
	secret := make([]byte, 32)
	rand.Read(secret)
	signer, err := usertoken.NewSigner(secret)
	if err != nil {
		t.Fatal(err)
	}
	s := &site{signer: signer}
	mux := http.NewServeMux()
	mux.Handle(stub.Path, stub.Handler())
	mux.Handle(templates.RuntimePath, templates.AssetHandler())
	mux.Handle("/app/", http.StripPrefix("/app/", assets.Handler(os.DirFS(dir))))
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		s.page(t, w, r, m)
	})
	s.Server = httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

// page renders a test page. Query: config (render visitorConfig for
// visitorID), never-load (the stub loads only on jivokitStub.load()),
// delay=MS (the stub's load delay), early (the driver calls before load).
func (s *site) page(t *testing.T, w http.ResponseWriter, r *http.Request, m assets.Manifest) {
	q := r.URL.Query()
	opts := stub.Options{NeverLoad: q.Has("never-load")}
	if ms, err := strconv.Atoi(q.Get("delay")); err == nil {
		opts.LoadDelay = time.Duration(ms) * time.Millisecond
	}
	widget, err := templates.NewWidget("e2eTestWidget", templates.WithStub(opts),
		templates.WithVisitorTokens(s.signer, time.Hour),
		templates.WithReport(func(_ context.Context, err error) { t.Errorf("snippet left out: %v", err) }))
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
		Merge(widget.Policy(), templates.WASMPolicy()).WithNonce(nonce)
	ctx := templ.WithNonce(r.Context(), nonce)

	var b bytes.Buffer
	b.WriteString(`<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>jivokit e2e</title>`)
	// A callback the page sets before the runtime loads: it must keep running.
	b.WriteString(`<script nonce="` + nonce + `">window.pageStates = []; window.jivo_onChangeState = function (s) { window.pageStates.push(s); };</script>`)
	b.WriteString(`</head><body><h1>jivokit end-to-end</h1>`)
	err = widget.Snippet(v).Render(ctx, &b)
	if err == nil {
		err = templates.WASMApp{WASMURL: "/app/" + m.WASM, ExecURL: "/app/" + m.WASMExec}.Render(ctx, &b)
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
