package e2e_test

import (
	"bytes"
	"encoding/json"
	"io"
	"maps"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/a-h/templ"

	"github.com/jivokit/jivokit/e2e"
	"github.com/jivokit/jivokit/jsapi/runtime"
	"github.com/jivokit/jivokit/stub"
	"github.com/jivokit/jivokit/templates"
	"github.com/jivokit/jivokit/templates/stubwidget"
)

// noRuntimeURL marks the runtime's element in the loader bare cuts out.
const noRuntimeURL = "/no-runtime.js"

// bare renders a page without the page runtime: the stub widget's script
// element written by hand and the app's loader, under the same nonce-based
// CSP as the other pages, so that the Go/WASM bridge has to add the
// runtime itself. Query: the stub's (stubOptions).
func (s *site) bare(w http.ResponseWriter, r *http.Request) {
	opts := stubOptions(r.URL.Query())
	widget, err := templates.NewWidget("E2eWidget1", stubwidget.With(opts))
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	nonce := newNonce()
	policy := templates.ParsePolicy("default-src 'self'; img-src 'self' data:; style-src 'self'; base-uri 'none'; object-src 'none'").
		Merge(widget.Policy(), templates.WASMPolicy(), strictDynamic).WithNonce(nonce)

	// WASMApp always brings the runtime: render it as a script element
	// with a known URL and cut that element out.
	loader := s.app
	loader.RuntimeURL = noRuntimeURL
	var app bytes.Buffer
	if err := loader.Render(templ.WithNonce(r.Context(), nonce), &app); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	element := `<script src="` + noRuntimeURL + `" nonce="` + nonce + `"></script>`
	if n := strings.Count(app.String(), element); n != 1 {
		http.Error(w, "the loader has "+strconv.Itoa(n)+" runtime elements "+element+", want 1:\n"+app.String(), http.StatusInternalServerError)
		return
	}

	var b bytes.Buffer
	b.WriteString(`<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>jivokit e2e, no runtime</title></head>`)
	b.WriteString(`<body><h1>A page without the jivokit runtime</h1><div id="jivokit-example"></div>`)
	b.WriteString(`<script src="` + stub.Path + `" nonce="` + nonce + `"`)
	attrs := opts.Attrs()
	for _, k := range slices.Sorted(maps.Keys(attrs)) {
		b.WriteString(` ` + k + `="` + templ.EscapeString(attrs[k]) + `"`)
	}
	b.WriteString(`></script>`)
	b.WriteString(strings.Replace(app.String(), element, "", 1))
	b.WriteString(`</body></html>`)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Security-Policy", policy.String())
	w.Write(b.Bytes())
}

// TestBridgeAddsRuntime: on a page without the page runtime (the stub and
// the loader only, under a nonce-based CSP), the driver's bridge adds the
// runtime as a script element with the page's nonce; calls queued before
// the widget loads and calls after it reach the widget, their answers and
// the callbacks reach Go, and nothing is logged as an error (a refused
// inline script or eval would be, and would fail the test).
func TestBridgeAddsRuntime(t *testing.T) {
	s := newSite(t, driver)
	res, err := http.Get(s.URL + "/bare?never-load")
	if err != nil {
		t.Fatal(err)
	}
	html, err := io.ReadAll(res.Body)
	res.Body.Close()
	if err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("the page: %s, %v\n%s", res.Status, err, html)
	}
	if bytes.Contains(html, []byte(runtime.Script[:64])) || bytes.Contains(html, []byte("runtime.js")) {
		t.Fatalf("the page has the runtime:\n%s", html)
	}

	p := e2e.NewBrowser(t).Open(t, s.URL+"/bare?never-load")
	p.WaitFor(`document.documentElement.dataset.driver === "ready"`)
	src, _ := json.Marshal(runtime.Script)
	type added struct {
		Elements   int  `json:"elements"`   // inline scripts holding the runtime
		PageNonce  bool `json:"pageNonce"`  // they carry the stub's (the page's) nonce
		HasJivokit bool `json:"hasJivokit"` // window.jivokit is there
	}
	got := e2e.Eval[added](p, `(() => {
		const rt = [...document.scripts].filter((s) => !s.src && s.textContent === `+string(src)+`);
		const nonce = document.querySelector('script[src="`+stub.Path+`"]').nonce;
		return {elements: rt.length, pageNonce: nonce !== "" && rt.every((s) => s.nonce === nonce), hasJivokit: typeof window.jivokit === "object"};
	})()`)
	if got != (added{Elements: 1, PageNonce: true, HasJivokit: true}) {
		t.Errorf("the runtime the bridge added: %+v, want one element with the page's nonce and window.jivokit", got)
	}

	// A call before the widget loads waits in the runtime's queue.
	p.Do(`goCall("getVisitorNumber")`)
	p.Stub("load")
	waitEvents(t, p, "OnLoad", 1)
	p.WaitFor(`goResults.length === 1`)
	if r := e2e.Eval[goResult](p, `goResults[0]`); !r.OK || r.Value != "1" {
		t.Errorf("getVisitorNumber queued before load: %+v, want 1", r)
	}
	if r := goCall(t, p, "setContactInfo"); !r.OK {
		t.Errorf("setContactInfo: %+v", r)
	}
	calls := p.StubCallsOf("setContactInfo")
	const want = `[{"name":"Ann Lee","email":"ann@example.com","phone":"+14084987855","description":"VIP"}]`
	if len(calls) != 1 || !sameJSON(t, argsJSON(calls[0]), want) {
		t.Errorf("the widget got setContactInfo %+v, want %s", calls, want)
	}
	if r := goCall(t, p, "chatMode"); !r.OK || r.Value != `"online"` {
		t.Errorf("chatMode: %+v", r)
	}
	p.Stub("agentAccept")
	waitEvents(t, p, "OnAccept", 2)
	if view := p.AgentPanel(); view.ContactInfo.Name != "Ann Lee" {
		t.Errorf("the agent sees %+v", view.ContactInfo)
	}
}
